// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Reads and writes the envelope head of an X-Road SOAP 4.0 message: {@code Envelope}, {@code Header}
 * and the first element of {@code Body}.
 *
 * <p>Reading streams: the parser stops at the body's first child and hands the reader back in a
 * {@link SoapHead}, so the body is never loaded by the codec. Checks, with X-Road's codes: a SOAP 1.1
 * envelope ({@code InvalidSoap}), no DTD or entity ({@code InvalidSoap}), a header
 * ({@code MissingHeader}), a body ({@code MissingBody}) with a child ({@code InvalidBody}), no field
 * twice ({@code DuplicateHeaderField}), {@code protocolVersion} 4.x ({@code InvalidProtocolVersion}),
 * {@code client}, {@code id}, {@code service} and {@code protocolVersion} present
 * ({@code MissingHeaderField}), valid identifiers ({@code InvalidXml}, {@code InvalidClientIdentifier})
 * and a body element whose name starts with the service code ({@code InconsistentHeaders}).
 *
 * <p><b>Limits:</b> {@link SoapLimits}. <b>Pitfalls:</b> without a charset the message is read as
 * UTF-8 (PR-MESS §2.6); a UTF-8 byte-order mark is accepted.
 */
public final class SoapHeaderCodec {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private SoapHeaderCodec() {
    }

    /**
     * Reads the head of a SOAP message from {@code in}.
     *
     * @param charset the charset from the Content-Type, or null for UTF-8
     * @throws ZholException with the codes listed on this class
     */
    public static SoapHead read(InputStream in, Charset charset, SoapLimits limits) {
        BudgetInputStream budget = new BudgetInputStream(in, limits.maxHeaderBytes());
        XmlInput xml = XmlInput.open(budget, charset == null ? StandardCharsets.UTF_8 : charset, limits);
        try {
            SoapHead head = readHead(xml);
            long consumed = budget.count();
            budget.disarm();
            return new SoapHead(head.header(), head.fault(), head.bodyElement(), xml.reader(), consumed);
        } catch (ZholException e) {
            xml.close();
            throw e;
        }
    }

    /** Reads only the header of a whole message in memory, e.g. a test vector or a stored record. */
    public static SoapHeader readHeader(byte[] message, SoapLimits limits) {
        try (SoapHead head = read(new java.io.ByteArrayInputStream(message), null, limits)) {
            return head.requireHeader();
        }
    }

    private static SoapHead readHead(XmlInput xml) {
        expectEnvelope(xml);
        SoapHeaderReader fields = new SoapHeaderReader(xml);
        boolean hasHeader = false;
        if (xml.nextTag() == XMLStreamConstants.END_ELEMENT) {
            throw ZholException.client(ErrorCode.MISSING_BODY, "Malformed SOAP message: body missing");
        }
        if (isEnvelope(xml.reader(), "Header")) {
            hasHeader = true;
            fields.readFields();
            if (xml.nextTag() == XMLStreamConstants.END_ELEMENT) {
                throw ZholException.client(ErrorCode.MISSING_BODY, "Malformed SOAP message: body missing");
            }
        }
        if (!isEnvelope(xml.reader(), "Body")) {
            throw XmlInput.invalid("Unexpected element '" + xml.reader().getLocalName() + "' in the SOAP envelope");
        }
        if (xml.nextTag() == XMLStreamConstants.END_ELEMENT) {
            throw ZholException.client(ErrorCode.INVALID_BODY,
                    "Malformed SOAP message: body must have exactly one child element");
        }
        if (isEnvelope(xml.reader(), "Fault")) {
            SoapFault fault = SoapFaultCodec.readFault(xml);
            return new SoapHead(hasHeader ? fields.buildIfComplete() : Optional.empty(), Optional.of(fault),
                    Optional.empty(), xml.reader(), 0);
        }
        if (!hasHeader) {
            throw ZholException.client(ErrorCode.MISSING_HEADER, "Malformed SOAP message: header missing");
        }
        SoapHeader header = fields.build();
        QName body = xml.reader().getName();
        checkServiceName(header, body.getLocalPart());
        return new SoapHead(Optional.of(header), Optional.empty(), Optional.of(body), xml.reader(), 0);
    }

    private static void expectEnvelope(XmlInput xml) {
        if (xml.nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw XmlInput.invalid("Malformed SOAP message: envelope missing");
        }
        XMLStreamReader r = xml.reader();
        if (!"Envelope".equals(r.getLocalName())) {
            throw XmlInput.invalid("Malformed SOAP message: envelope missing");
        }
        if (!SoapNamespaces.ENVELOPE.equals(r.getNamespaceURI())) {
            throw XmlInput.invalid("Malformed SOAP message: the envelope is not in the SOAP 1.1 namespace");
        }
    }

    private static boolean isEnvelope(XMLStreamReader r, String localName) {
        return SoapNamespaces.ENVELOPE.equals(r.getNamespaceURI()) && localName.equals(r.getLocalName());
    }

    /**
     * Checks that the body's wrapper element belongs to the header's service: its local name must start
     * with the service code, so that {@code getX} and {@code getXResponse} both match {@code getX}.
     *
     * @throws ZholException {@code InconsistentHeaders} otherwise
     */
    public static void checkServiceName(SoapHeader header, String bodyElementLocalName) {
        if (!bodyElementLocalName.startsWith(header.service().serviceCode())) {
            throw ZholException.client(ErrorCode.INCONSISTENT_HEADERS,
                    "Malformed SOAP message: service code does not match in header and body");
        }
    }

    /** Writes {@code SOAP-ENV:Header} with the X-Road fields, in PR-MESS order. */
    public static void writeHeader(XMLStreamWriter w, SoapHeader h) {
        try {
            SoapHeaderWriter.write(w, h);
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the SOAP header", e);
        }
    }

    /** Writes the XML declaration, {@code Envelope} with the namespaces, the header, and opens {@code Body}. */
    public static void startEnvelope(XMLStreamWriter w, SoapHeader h) {
        try {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Envelope", SoapNamespaces.ENVELOPE);
            w.writeNamespace(SoapNamespaces.ENVELOPE_PREFIX, SoapNamespaces.ENVELOPE);
            w.writeNamespace(SoapNamespaces.XROAD_PREFIX, SoapNamespaces.XROAD);
            w.writeNamespace(SoapNamespaces.IDENTIFIERS_PREFIX, SoapNamespaces.IDENTIFIERS);
            if (h.representedParty().isPresent()) {
                w.writeNamespace(SoapNamespaces.REPRESENTATION_PREFIX, SoapNamespaces.REPRESENTATION);
            }
            SoapHeaderWriter.write(w, h);
            w.writeStartElement(SoapNamespaces.ENVELOPE_PREFIX, "Body", SoapNamespaces.ENVELOPE);
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the SOAP envelope", e);
        }
    }

    /** Closes {@code Body}, {@code Envelope} and the document. */
    public static void endEnvelope(XMLStreamWriter w) {
        try {
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the SOAP envelope", e);
        }
    }

    /** A whole UTF-8 message with {@code header} and an empty body element {@code bodyElement}. */
    public static byte[] envelope(SoapHeader header, QName bodyElement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = writer(out);
        startEnvelope(w, header);
        try {
            String prefix = bodyElement.getPrefix().isEmpty() ? "ns1" : bodyElement.getPrefix();
            if (bodyElement.getNamespaceURI().isEmpty()) {
                w.writeEmptyElement(bodyElement.getLocalPart());
            } else {
                w.writeEmptyElement(prefix, bodyElement.getLocalPart(), bodyElement.getNamespaceURI());
                w.writeNamespace(prefix, bodyElement.getNamespaceURI());
            }
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the SOAP body", e);
        }
        endEnvelope(w);
        return out.toByteArray();
    }

    /** A UTF-8 StAX writer over {@code out}. */
    public static XMLStreamWriter writer(OutputStream out) {
        try {
            return OUTPUT.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot create an XML writer", e);
        }
    }
}
