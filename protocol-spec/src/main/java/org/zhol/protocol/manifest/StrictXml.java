// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The StAX plumbing shared by the small signed XML documents of this package: a writer that makes
 * canonical bytes (the JDK's own StAX implementation, UTF-8, no indentation, attributes in call
 * order) and a hardened reader (no DTD, no external entities, size-limited). Every decoder
 * re-encodes what it read and requires the same bytes, so only canonical documents are accepted.
 */
final class StrictXml {

    /** Writes one document's body; the declaration and end are written around it. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    /** Reads one document's body from a reader positioned on the root start tag. */
    @FunctionalInterface
    interface Reading<T> {
        T read(XMLStreamReader reader) throws XMLStreamException;
    }

    private StrictXml() {
    }

    /*
     * The factories are configured once here and never changed after, so sharing them is sharing
     * constants: the JDK's factories hand out a new reader or writer per call unless told to reuse
     * instances, which these are not. Building a factory per document was a tenth of reading one.
     * newDefaultFactory: the JDK's implementation, whatever is on the class path, for stable bytes.
     */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();
    private static final XMLInputFactory INPUT = inputFactory();

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML to memory", e);
        }
        return out.toByteArray();
    }

    static <T> T read(byte[] xml, int maxBytes, ErrorCode code, String what, Reading<T> reading) {
        if (xml.length > maxBytes) {
            throw ZholException.client(code, "The " + what + " is longer than " + maxBytes + " bytes");
        }
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                reader.nextTag();
                T value = reading.read(reader);
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event != XMLStreamConstants.END_DOCUMENT) {
                        throw new XMLStreamException("content after the root element");
                    }
                }
                return value;
            } finally {
                reader.close();
            }
        } catch (ZholException e) {
            // A field that its own type refuses (an identifier with a forbidden character, say) makes the
            // document malformed: callers see the document's code, not the field type's.
            throw new ZholException(FaultCode.of(code), Origin.CLIENT, "The " + what + " is malformed: " + e.detail(),
                    e);
        } catch (XMLStreamException | RuntimeException e) {
            // IllegalArgumentException and DateTimeException come from field decoding; the JDK's StAX parser
            // also reports some malformed input unchecked (e.g. MissingResourceException inside a refused DTD).
            throw new ZholException(FaultCode.of(code), Origin.CLIENT, "The " + what + " is malformed", e);
        }
    }

    /** Throws {@code code} unless {@code reencoded} equals {@code received}. */
    static void requireCanonical(byte[] received, byte[] reencoded, ErrorCode code, String what) {
        if (!Arrays.equals(received, reencoded)) {
            throw ZholException.client(code, "The " + what + " is not in canonical form");
        }
    }

    /**
     * {@link java.time.Instant#parse}, with a fast path for the form {@code ISO_INSTANT} writes
     * ({@code yyyy-MM-ddTHH:mm:ss[.fff|.ffffff|.fffffffff]Z}, a time of day below 24:00:00); any other
     * text goes to {@code Instant.parse}, so the accepted texts and their values are the same. The JDK's
     * general parser was a third of reading a metadata record.
     *
     * @throws java.time.DateTimeException when the text is not an instant
     */
    static java.time.Instant instant(String text) {
        int n = text.length();
        int fraction = n - 21;
        if ((n == 20 || fraction == 3 || fraction == 6 || fraction == 9) && text.charAt(4) == '-'
                && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(n - 1) == 'Z' && (n == 20 || text.charAt(19) == '.')) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 1 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
                    && second >= 0 && second <= 59 && nanos >= 0) {
                for (int i = fraction; i < 9 && n != 20; i++) {
                    nanos *= 10;
                }
                // LocalDate.of rejects a day the month does not have, as Instant.parse does.
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return java.time.Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        return java.time.Instant.parse(text);
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** Requires the reader to be on the start tag {@code ns:local}. */
    static void expectStart(XMLStreamReader reader, String ns, String local) throws XMLStreamException {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT || !local.equals(reader.getLocalName())
                || !ns.equals(reader.getNamespaceURI())) {
            throw new XMLStreamException("expected element " + local);
        }
    }

    /** Reads {@code <local>text</local>} starting at the next tag, and moves past its end tag. */
    static String textElement(XMLStreamReader reader, String ns, String local) throws XMLStreamException {
        reader.nextTag();
        expectStart(reader, ns, local);
        return reader.getElementText();
    }

    /** Writes {@code <local>text</local>} in the default namespace {@code ns}. */
    static void writeTextElement(XMLStreamWriter writer, String ns, String local, String text)
            throws XMLStreamException {
        writer.writeStartElement("", local, ns);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    /** Decodes a base64 SHA-256 value, or throws {@link IllegalArgumentException}. */
    static byte[] sha256Value(String base64) {
        byte[] value = Base64.getDecoder().decode(base64);
        if (value.length != 32 || !Base64.getEncoder().encodeToString(value).equals(base64)) {
            throw new IllegalArgumentException("not a canonical base64 SHA-256 value");
        }
        return value;
    }
}
