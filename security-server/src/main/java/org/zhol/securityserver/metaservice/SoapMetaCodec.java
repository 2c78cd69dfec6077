// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.IdentifierXml;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.RequestHash;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapHead;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.protocol.soap.SoapNamespaces;

/**
 * Reads a SOAP metaservice request and writes the answers (PR-META §3, §4, Annex B): a copy of the
 * request header with {@code requestHash}, then {@code listMethodsResponse} or
 * {@code allowedMethodsResponse} (one {@code service} identifier per service), or for {@code getWsdl}
 * a SwA message whose SOAP part holds {@code getWsdlResponse} (the request's {@code serviceCode} and
 * {@code serviceVersion}) and whose attachment is the WSDL.
 *
 * <p>The request hash is SHA-512 over the SOAP bytes as received: the whole body of a plain request,
 * the SOAP part's body (without its MIME headers) of a multipart one, as {@code soap.md} defines it.
 */
final class SoapMetaCodec {

    /** The content type of a plain answer. */
    static final String XML_TYPE = "text/xml; charset=UTF-8";

    private SoapMetaCodec() {
    }

    /** A read request: its header, the hash its answer carries, and for {@code getWsdl} the service asked for. */
    record Call(SoapHeader header, RequestHash requestHash, Optional<DescribedService> described) {
    }

    /** The {@code serviceCode} and optional {@code serviceVersion} of a {@code getWsdl} body. */
    record DescribedService(String serviceCode, Optional<String> serviceVersion) {

        DescribedService {
            IdentifierRules.code("serviceCode", serviceCode);
            serviceVersion.ifPresent(v -> IdentifierRules.code("serviceVersion", v));
        }
    }

    /**
     * Reads a request of at most {@code maxBytes} bytes.
     *
     * @throws ZholException the SOAP codec's codes; {@code InvalidSoap} over the limit or for a fault;
     *                       {@code InvalidRequest} when a {@code getWsdl} body lacks {@code serviceCode}
     */
    static Call read(String contentType, InputStream body, int maxBytes) {
        ContentType type = ContentType.parse(contentType);
        byte[] whole = readAtMost(body, maxBytes);
        byte[] soap;
        Charset charset;
        if (SoapContentKind.of(type) == SoapContentKind.XML) {
            soap = whole;
            charset = type.charset().orElse(null);
        } else {
            SoapMultipart multipart = SoapMultipart.open(type, new ByteArrayInputStream(whole), SoapLimits.defaults());
            soap = readAtMost(multipart.root().body(), maxBytes);
            charset = multipart.rootType().charset().orElse(null);
        }
        RequestHash hash = RequestDigest.of(HashAlgorithm.SHA512, soap);
        try (SoapHead head = SoapHeaderCodec.read(new ByteArrayInputStream(soap), charset, SoapLimits.defaults())) {
            if (head.isFault()) {
                throw ZholException.client(ErrorCode.INVALID_SOAP, "A SOAP fault is not a metaservice request");
            }
            SoapHeader header = head.requireHeader();
            Optional<DescribedService> described = Optional.empty();
            if (header.service().serviceCode().equals(Metaservice.GET_WSDL.code())) {
                described = Optional.of(describedService(head.bodyReader()));
            }
            return new Call(header.withoutRequestHash(), hash, described);
        }
    }

    /** A {@code listMethodsResponse} or {@code allowedMethodsResponse} envelope. */
    static byte[] methodList(SoapHeader responseHeader, Metaservice which, List<ServiceId> services) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = SoapHeaderCodec.writer(out);
        SoapHeaderCodec.startEnvelope(w, responseHeader);
        try {
            w.writeStartElement(SoapNamespaces.XROAD_PREFIX, which.code() + "Response", SoapNamespaces.XROAD);
            QName service = new QName(SoapNamespaces.XROAD, "service", SoapNamespaces.XROAD_PREFIX);
            for (ServiceId id : services) {
                IdentifierXml.write(w, service, id);
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the method list", e);
        }
        SoapHeaderCodec.endEnvelope(w);
        return out.toByteArray();
    }

    /** The {@code getWsdl} answer: a SwA message with the envelope and the WSDL as its attachment. */
    static MetaserviceResponse wsdl(SoapHeader responseHeader, DescribedService described, byte[] wsdl) {
        String boundary = "zhol-" + HexFormat.of().formatHex(uuidBytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream(wsdl.length + 2048);
        ascii(out, "--" + boundary + "\r\nContent-Type: " + XML_TYPE + "\r\n\r\n");
        out.writeBytes(wsdlEnvelope(responseHeader, described));
        ascii(out, "\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <wsdl=" + UUID.randomUUID() + "@x-road.eu>\r\n\r\n");
        out.writeBytes(wsdl);
        ascii(out, "\r\n--" + boundary + "--\r\n");
        return MetaserviceResponse.ok("multipart/related; type=\"text/xml\"; charset=UTF-8; boundary=" + boundary,
                out.toByteArray());
    }

    private static byte[] wsdlEnvelope(SoapHeader header, DescribedService described) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter w = SoapHeaderCodec.writer(out);
        SoapHeaderCodec.startEnvelope(w, header);
        try {
            w.writeStartElement(SoapNamespaces.XROAD_PREFIX, "getWsdlResponse", SoapNamespaces.XROAD);
            simple(w, "serviceCode", described.serviceCode());
            if (described.serviceVersion().isPresent()) {
                simple(w, "serviceVersion", described.serviceVersion().get());
            }
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the getWsdl answer", e);
        }
        SoapHeaderCodec.endEnvelope(w);
        return out.toByteArray();
    }

    /** The reader is on the {@code getWsdl} element; reads its {@code serviceCode} and {@code serviceVersion}. */
    private static DescribedService describedService(XMLStreamReader r) {
        String code = null;
        String version = null;
        try {
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 1 && isXRoadOrBare(r) && r.getLocalName().equals("serviceCode")) {
                        code = r.getElementText().strip();
                    } else if (depth == 1 && isXRoadOrBare(r) && r.getLocalName().equals("serviceVersion")) {
                        version = r.getElementText().strip();
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    break;
                }
            }
        } catch (XMLStreamException e) {
            throw ZholException.client(ErrorCode.INVALID_SOAP, "The getWsdl body is not well-formed XML");
        }
        if (code == null || code.isEmpty()) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Missing serviceCode in message body");
        }
        return new DescribedService(code, Optional.ofNullable(version).filter(v -> !v.isEmpty()));
    }

    private static boolean isXRoadOrBare(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.equals(SoapNamespaces.XROAD);
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) {
        try {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw ZholException.client(ErrorCode.INVALID_SOAP,
                        "The metaservice request is longer than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ZholException.of(ErrorCode.IO_ERROR, org.zhol.protocol.error.Origin.CLIENT,
                    "Cannot read the metaservice request");
        }
    }

    private static void simple(XMLStreamWriter w, String localName, String value) throws XMLStreamException {
        w.writeStartElement(SoapNamespaces.XROAD_PREFIX, localName, SoapNamespaces.XROAD);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
    }
}
