// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zhol.protocol.error.ZholException;

/**
 * Puts the {@code requestHash} field into a SOAP response's header as the provider's security server
 * must (PR-MESS §2.2): a {@code requestHash} the service sent is removed, and the server's own is
 * inserted as the last child of {@code SOAP-ENV:Header}. Every other byte of the message stays as the
 * service wrote it, so that its prefixes, whitespace and unknown header elements reach the client.
 *
 * <p>It works on the <em>head</em> of the message only, the bytes up to and including the end of the
 * header, which the caller has read (and checked with {@link SoapHeaderCodec#read}); the rest of the
 * message streams on unchanged behind the returned bytes.
 *
 * <p>The inserted element uses the prefix bound to the X-Road namespace where the header ends, or
 * declares {@value SoapNamespaces#XROAD_PREFIX} on itself when none is.
 *
 * <p><b>Limits:</b> the head is at most {@link SoapLimits#maxHeaderBytes()} bytes, parsed with the
 * hardened parser (no DTD, no entities). <b>Pitfalls:</b> a message without a header (a bare fault) is
 * returned unchanged.
 */
public final class RequestHashInsertion {

    private RequestHashInsertion() {
    }

    /**
     * The head with {@code hash} as its {@code requestHash}.
     *
     * @param head    the first bytes of the message, at least through the header's end tag; bytes that are
     *                not text in {@code charset} may follow the header (e.g. the next MIME part)
     * @param charset the message's charset, or null for UTF-8
     * @param hash    the request hash to insert
     * @param limits  the SOAP limits
     * @return the new head bytes, to be followed by the rest of the message
     * @throws ZholException {@code InvalidSoap} when the head is too long, not well-formed, or does not
     *                       contain the header's end
     */
    public static byte[] insert(byte[] head, Charset charset, RequestHash hash, SoapLimits limits) {
        if (head.length > limits.maxHeaderBytes()) {
            throw XmlInput.invalid("The SOAP header is longer than " + limits.maxHeaderBytes() + " bytes");
        }
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        Decoded text = decode(head, cs);
        int start = text.chars().startsWith("\uFEFF") ? 1 : 0;
        Positions at = locate(text.chars().substring(start));
        if (at == null) {
            return head;
        }
        int insertAt = text.byteIndex()[start + at.headerEnd()];
        String prefix = at.xroadPrefix();
        String element = prefix == null || prefix.isEmpty()
                ? "<" + SoapNamespaces.XROAD_PREFIX + ":requestHash xmlns:" + SoapNamespaces.XROAD_PREFIX + "=\""
                        + SoapNamespaces.XROAD + "\" algorithmId=\"" + escape(hash.algorithmId()) + "\">"
                        + escape(hash.value()) + "</" + SoapNamespaces.XROAD_PREFIX + ":requestHash>"
                : "<" + prefix + ":requestHash algorithmId=\"" + escape(hash.algorithmId()) + "\">"
                        + escape(hash.value()) + "</" + prefix + ":requestHash>";
        byte[] inserted = element.getBytes(cs);
        int removeFrom = at.oldStart() < 0 ? insertAt : text.byteIndex()[start + at.oldStart()];
        int removeTo = at.oldStart() < 0 ? insertAt : text.byteIndex()[start + at.oldEnd()];
        byte[] out = new byte[head.length - (removeTo - removeFrom) + inserted.length];
        int n = 0;
        System.arraycopy(head, 0, out, n, removeFrom);
        n += removeFrom;
        System.arraycopy(head, removeTo, out, n, insertAt - removeTo);
        n += insertAt - removeTo;
        System.arraycopy(inserted, 0, out, n, inserted.length);
        n += inserted.length;
        System.arraycopy(head, insertAt, out, n, head.length - insertAt);
        return out;
    }

    /** Character offsets in the head: the old requestHash element (or -1), the header's end tag. */
    private record Positions(int oldStart, int oldEnd, int headerEnd, String xroadPrefix) {
    }

    /** The decoded head, and for each character index (and the end) the byte index where it starts. */
    private record Decoded(String chars, int[] byteIndex) {
    }

    /**
     * Where things are: the hardened StAX parser checks the head and says which header child (by
     * ordinal) is the old {@code requestHash} and which prefix the X-Road namespace has; a small lexer
     * over the same characters then finds the character positions, since StAX locations are not exact
     * enough to splice bytes (they drift after an XML declaration).
     */
    private static Positions locate(String xml) {
        HeaderScan scan = scan(xml);
        return scan == null ? null : TagLexer.positions(xml, scan.oldChild(), scan.xroadPrefix());
    }

    /** What the parser found: the ordinal of the old {@code requestHash} (or -1) and the X-Road prefix. */
    private record HeaderScan(int oldChild, String xroadPrefix) {
    }

    /** Parses up to the header's end tag; null when the envelope has no header. */
    private static HeaderScan scan(String xml) {
        XMLStreamReader r = null;
        try {
            r = XmlInput.newFactory().createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            int child = -1;
            int oldChild = -1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1 && !isEnvelope(r, "Envelope")) {
                        throw XmlInput.invalid("The message is not a SOAP 1.1 envelope");
                    }
                    if (depth == 2 && !isEnvelope(r, "Header")) {
                        return null;
                    }
                    if (depth == 3) {
                        child++;
                        if (oldChild < 0 && SoapNamespaces.XROAD.equals(r.getNamespaceURI())
                                && "requestHash".equals(r.getLocalName())) {
                            oldChild = child;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2) {
                        return new HeaderScan(oldChild, r.getNamespaceContext().getPrefix(SoapNamespaces.XROAD));
                    }
                    depth--;
                } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw XmlInput.invalid("A DTD or entity reference is not allowed");
                }
            }
            throw XmlInput.invalid("The SOAP message ends before its header does");
        } catch (ZholException e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            // The JDK's StAX parser also reports some malformed input with unchecked exceptions (e.g. a
            // MissingResourceException for a bad character in a refused DTD), as XmlInput notes.
            throw XmlInput.invalid("The SOAP header cannot be read: "
                    + (e instanceof XMLStreamException ? e.getMessage() : e.getClass().getSimpleName()));
        } finally {
            close(r);
        }
    }

    private static boolean isEnvelope(XMLStreamReader r, String localName) {
        return SoapNamespaces.ENVELOPE.equals(r.getNamespaceURI()) && localName.equals(r.getLocalName());
    }

    /**
     * Finds tag positions in XML that StAX has already accepted: skips the declaration, processing
     * instructions, comments, CDATA and text, reads tags with quoted attribute values, and tracks depth.
     */
    private static final class TagLexer {
        private final String xml;
        private int pos;

        private TagLexer(String xml) {
            this.xml = xml;
        }

        static Positions positions(String xml, int oldChild, String prefix) {
            TagLexer lexer = new TagLexer(xml);
            int depth = 0;
            int child = -1;
            int oldStart = -1;
            int oldEnd = -1;
            while (true) {
                int start = lexer.nextTag();
                if (start < 0) {
                    throw XmlInput.invalid("The SOAP header's end cannot be found");
                }
                if (xml.startsWith("</", start)) {
                    if (depth == 3 && child == oldChild && oldEnd < 0) {
                        oldEnd = lexer.pos;
                    }
                    if (depth == 2) {
                        return new Positions(oldStart, oldEnd, start, prefix);
                    }
                    depth--;
                    continue;
                }
                boolean empty = xml.charAt(lexer.pos - 2) == '/';
                depth++;
                if (depth == 2 && empty) {
                    throw XmlInput.invalid("The SOAP header is empty");
                }
                if (depth == 3) {
                    child++;
                    if (child == oldChild) {
                        oldStart = start;
                        oldEnd = empty ? lexer.pos : -1;
                    }
                }
                if (empty) {
                    depth--;
                }
            }
        }

        /** The start of the next start or end tag, with {@code pos} after its '>'; -1 at the end. */
        int nextTag() {
            while (true) {
                int lt = xml.indexOf('<', pos);
                if (lt < 0) {
                    return -1;
                }
                if (xml.startsWith("<?", lt)) {
                    pos = skipPast(lt, "?>");
                } else if (xml.startsWith("<!--", lt)) {
                    pos = skipPast(lt + 4, "-->");
                } else if (xml.startsWith("<![CDATA[", lt)) {
                    pos = skipPast(lt, "]]>");
                } else if (xml.startsWith("<!", lt)) {
                    throw XmlInput.invalid("A DTD is not allowed");
                } else {
                    pos = tagEnd(lt);
                    return lt;
                }
                if (pos < 0) {
                    return -1;
                }
            }
        }

        private int skipPast(int from, String end) {
            int at = xml.indexOf(end, from);
            return at < 0 ? -1 : at + end.length();
        }

        private int tagEnd(int lt) {
            char quote = 0;
            for (int i = lt + 1; i < xml.length(); i++) {
                char c = xml.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            throw XmlInput.invalid("The SOAP header's end cannot be found");
        }
    }

    private static Decoded decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder chars = new StringBuilder(bytes.length);
        int[] index = new int[bytes.length + 1];
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4);
        int charStart = 0;
        // One byte at a time, so that each character's first byte is known; a head is at most 64 KiB.
        for (int i = 0; i < bytes.length; i++) {
            in.limit(i + 1);
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                // What follows may be binary (the next MIME part); the header must have ended before it.
                break;
            }
            out.flip();
            if (out.hasRemaining()) {
                while (out.hasRemaining()) {
                    index[chars.length()] = charStart;
                    chars.append(out.get());
                }
                charStart = in.position();
            }
            out.clear();
        }
        index[chars.length()] = charStart;
        return new Decoded(chars.toString(), Arrays.copyOf(index, chars.length() + 1));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // Nothing was held but a string.
            }
        }
    }
}
