// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapHead;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.RequestHead;

/**
 * Reads an information system's SOAP 4.0 request ({@code soap.md}): POST, a SOAP Content-Type, and an
 * envelope (plain, or the first part of SwA or MTOM) whose X-Road header names the client and the
 * service. Only the envelope's head is parsed, from the first {@link SoapLimits#maxHeaderBytes()} bytes;
 * those bytes are kept and the whole body is forwarded unchanged. The head sent on carries only
 * {@code Content-Type} and {@code SOAPAction}, as PR-MESS §2.2 says.
 */
final class SoapCalls {

    static final String CONTENT_TYPE = "Content-Type";
    static final String SOAP_ACTION = "SOAPAction";

    private SoapCalls() {
    }

    /**
     * Reads the head of the request.
     *
     * @param requestId a fresh request id
     * @throws ZholException {@code InvalidHttpMethod} for another method than POST,
     *                       {@code InvalidContentType}, and the SOAP codec's codes
     */
    static ClientCall call(ClientRequest request, SoapLimits limits, String requestId) {
        if (!request.method().equals("POST")) {
            throw ZholException.client(ErrorCode.INVALID_HTTP_METHOD,
                    "A SOAP request must use POST, not " + org.zhol.protocol.error.Faults.excerpt(request.method()));
        }
        String contentTypeValue = single(request.headers(), CONTENT_TYPE).orElseThrow(() -> ZholException.client(
                ErrorCode.INVALID_CONTENT_TYPE, "The SOAP request has no Content-Type"));
        ContentType contentType = ContentType.parse(contentTypeValue);
        byte[] prefix = Messages.readUpTo(request.body(), limits.maxHeaderBytes());
        SoapHeader header = header(contentType, prefix, limits);
        Messages.checkMessageId(header.id());
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader(CONTENT_TYPE, contentTypeValue));
        single(request.headers(), SOAP_ACTION).ifPresent(v -> headers.add(new HttpHeader(SOAP_ACTION, v)));
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(prefix), request.body());
        return new ClientCall(MessageProtocol.SOAP, header.client(), header.service(), header.id(), requestId,
                header.securityServer(), RequestHead.soap(headers), body, RestCalls.contentLength(request),
                Optional.of(header));
    }

    /** The X-Road header of the envelope at the start of {@code prefix}. */
    static SoapHeader header(ContentType contentType, byte[] prefix, SoapLimits limits) {
        SoapContentKind kind = SoapContentKind.of(contentType);
        if (kind == SoapContentKind.XML) {
            return read(new ByteArrayInputStream(prefix), charset(contentType), limits);
        }
        SoapMultipart multipart = SoapMultipart.open(contentType, new ByteArrayInputStream(prefix), limits);
        return read(multipart.root().body(), charset(multipart.rootType()), limits);
    }

    /** The head of a message (request or response) whose envelope starts {@code in}. */
    static SoapHead head(InputStream in, Charset charset, SoapLimits limits) {
        return SoapHeaderCodec.read(in, charset, limits);
    }

    private static SoapHeader read(InputStream envelope, Charset charset, SoapLimits limits) {
        try (SoapHead head = SoapHeaderCodec.read(envelope, charset, limits)) {
            if (head.isFault()) {
                throw ZholException.client(ErrorCode.INVALID_SOAP, "A request cannot be a SOAP fault");
            }
            return head.requireHeader();
        }
    }

    /**
     * The parsed {@code Content-Type} of a SOAP head.
     *
     * @throws ZholException {@code InvalidContentType} when there is none or it is malformed
     */
    static ContentType contentType(List<HttpHeader> headers) {
        return ContentType.parse(single(headers, CONTENT_TYPE).orElseThrow(() -> ZholException.client(
                ErrorCode.INVALID_CONTENT_TYPE, "The SOAP message has no Content-Type")));
    }

    static Charset charset(ContentType contentType) {
        return contentType.charset().orElse(null);
    }

    /** The one value of header {@code name}; {@code BadRequest} when it appears more than once. */
    static Optional<String> single(List<HttpHeader> headers, String name) {
        List<String> values = headers.stream().filter(h -> h.is(name)).map(HttpHeader::value).toList();
        if (values.size() > 1) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The header " + name + " appears more than once");
        }
        return values.stream().findFirst();
    }
}
