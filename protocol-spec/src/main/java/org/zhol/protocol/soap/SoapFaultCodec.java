// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Writes and reads SOAP 1.1 faults in X-Road's shape (PR-MESS §2.5, Annex D):
 * {@code faultcode} is the dotted CamelCase code without a namespace prefix, {@code faultstring} the
 * peer-safe detail, {@code faultactor} empty, and {@code detail/faultDetail} (in no namespace) an error
 * id that the caller chose, for matching the fault with this server's log.
 *
 * <p><b>Pitfalls:</b> the code is written exactly as {@link ZholException#faultCode()} holds it; apply
 * the edge's prefix ({@code Server.ClientProxy}, ...) with {@link ZholException#withPrefix} first. When
 * reading, a {@code faultcode} such as {@code SOAP-ENV:Server} loses its prefix, and X-Road 7.8
 * snake_case codes are understood through {@link SoapFault#faultCode()}.
 */
public final class SoapFaultCodec {

    private SoapFaultCodec() {
    }

    /** A whole fault message for {@code fault}, in UTF-8. */
    public static byte[] write(ZholException fault, String errorId) {
        return write(new SoapFault(fault.faultCode().toString(), fault.detail(), Optional.of(""),
                Optional.of(errorId)), Optional.empty());
    }

    /** A whole fault message; with {@code header}, the X-Road header is included, as PR-MESS allows. */
    public static byte[] write(SoapFault fault, Optional<SoapHeader> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = SoapHeaderCodec.writer(out);
        try {
            if (header.isPresent()) {
                SoapHeaderCodec.startEnvelope(w, header.get());
            } else {
                w.writeStartDocument("UTF-8", "1.0");
                w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Envelope", SoapNamespaces.ENVELOPE);
                w.writeNamespace(SoapNamespaces.ENVELOPE_PREFIX, SoapNamespaces.ENVELOPE);
                w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Body", SoapNamespaces.ENVELOPE);
            }
            w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Fault", SoapNamespaces.ENVELOPE);
            simple(w, "faultcode", fault.code());
            simple(w, "faultstring", fault.string());
            if (fault.actor().isPresent()) {
                simple(w, "faultactor", fault.actor().get());
            }
            if (fault.detail().isPresent()) {
                w.writeStartElement("detail");
                w.writeStartElement("faultDetail");
                w.writeDefaultNamespace("");
                w.writeCharacters(fault.detail().get());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write a SOAP fault", e);
        }
        SoapHeaderCodec.endEnvelope(w);
        return out.toByteArray();
    }

    /**
     * Reads a whole message that must be a fault.
     *
     * @throws ZholException {@code InvalidSoap} when it is not a fault, or the codes of
     *                       {@link SoapHeaderCodec#read} when it is malformed
     */
    public static SoapFault read(byte[] message, SoapLimits limits) {
        try (SoapHead head = SoapHeaderCodec.read(new ByteArrayInputStream(message), null, limits)) {
            return head.fault().orElseThrow(() -> XmlInput.invalid("The message is not a SOAP fault"));
        }
    }

    /** Reads from the Fault's START_ELEMENT to its END_ELEMENT. */
    static SoapFault readFault(XmlInput in) {
        String code = null;
        String string = null;
        String actor = null;
        String detail = null;
        while (in.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (in.reader().getLocalName()) {
                case "faultcode" -> code = withoutPrefix(in.text().strip());
                case "faultstring" -> string = in.text();
                case "faultactor" -> actor = in.text();
                case "detail" -> detail = detailText(in);
                default -> in.skipElement();
            }
        }
        return new SoapFault(code == null ? "" : code, string == null ? "" : string, Optional.ofNullable(actor),
                Optional.ofNullable(detail));
    }

    private static String withoutPrefix(String qname) {
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    /** All text inside {@code detail}, trimmed: the {@code faultDetail} of X-Road, or a provider's text. */
    private static String detailText(XmlInput in) {
        XMLStreamReader r = in.reader();
        int target = in.depth() - 1;
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = in.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
                if (text.length() > SoapLimits.defaults().maxTextLength() * 4) {
                    throw XmlInput.invalid("The fault detail is too long");
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XmlInput.invalid("Unexpected end of the XML document");
            } else if (event == XMLStreamConstants.END_ELEMENT && in.depth() == target) {
                String trimmed = text.toString().strip();
                return trimmed.isEmpty() ? null : trimmed;
            }
        }
    }

    private static void simple(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
