// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.rest.RestTargetCodec;

/**
 * The head of a request ({@code transport.md} §heads). The client, service, message id and signing time
 * are not here: they are in the metadata record (META).
 *
 * <ul>
 *   <li>REST: the IS's method, the service path (the part of the r1 target after the service id, still
 *       percent-encoded: empty or starting with '/'), the raw query if there was a '?', and the request
 *       headers after {@code HeaderFilter.forwardRequest}.</li>
 *   <li>SOAP: method POST, empty path, no query; the headers include {@code Content-Type} and, if the
 *       IS sent one, {@code SOAPAction}.</li>
 * </ul>
 *
 * @param protocol the IS protocol
 * @param method   the HTTP method
 * @param path     the service path, checked as {@link RestTargetCodec#checkServicePath} (no dot-segments, no
 *                 encoded '/' '\' or controls)
 * @param query    the raw query, checked as {@link RestTargetCodec#checkQuery}
 * @param headers  the header fields passed on, in order
 * @throws ZholException {@code BadRequest} for a path, query or header that breaks its rules;
 *                       {@code InvalidMessage} for a SOAP head that is not POST without path and query
 */
public record RequestHead(MessageProtocol protocol, RestMethod method, String path, Optional<String> query,
        List<HttpHeader> headers) implements MessageHead {

    public RequestHead {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = MessageHead.checkHeaders(headers);
        if (protocol == MessageProtocol.SOAP && (method != RestMethod.POST || !path.isEmpty() || query.isPresent())) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "A SOAP request head is POST with no path or query");
        }
        RestTargetCodec.checkServicePath(path);
        query.ifPresent(RestTargetCodec::checkQuery);
    }

    /** The head of a SOAP request: POST, no path, no query. */
    public static RequestHead soap(List<HttpHeader> headers) {
        return new RequestHead(MessageProtocol.SOAP, RestMethod.POST, "", Optional.empty(), headers);
    }
}
