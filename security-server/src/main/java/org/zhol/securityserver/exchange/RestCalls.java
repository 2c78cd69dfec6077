// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.rest.HeaderFilter;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestLimits;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.rest.RestRequestHeaders;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestTargetCodec;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.RequestHead;

/**
 * Reads an information system's REST r1 request ({@code rest.md}) in two steps: {@link #client} names
 * the caller (from {@code X-Road-Client}), so that the client proxy can check it before anything else;
 * {@link #call} then takes the rest apart. The head sent on holds the request's headers after
 * {@link HeaderFilter#forwardRequest}, plus {@code X-Road-Id} when this server made the message id, and
 * {@code X-Road-Request-Id}.
 */
final class RestCalls {

    private RestCalls() {
    }

    /** Whether {@code uri} is a REST r1 request target (or some other version of one). */
    static boolean isRest(String uri) {
        return uri.startsWith("/r") && uri.length() > 2 && Character.isDigit(uri.charAt(2));
    }

    /**
     * The caller, from {@code X-Road-Client}.
     *
     * @throws ZholException {@code InvalidClientIdentifier}, {@code DuplicateHeaderField}, {@code BadRequest}
     */
    static ClientId client(ClientRequest request, RestLimits limits) {
        return headers(request, limits).client();
    }

    /**
     * The whole call.
     *
     * @param messageId a fresh message id, used when the IS sent none
     * @param requestId a fresh request id
     * @throws ZholException the codec's codes ({@code rest.md} §1, §2), {@code BadRequest} for a message id
     *                       that the metadata record cannot carry
     */
    static ClientCall call(ClientRequest request, RestLimits limits, String messageId, String requestId) {
        RestRequestHeaders xroad = headers(request, limits);
        RestMethod method = RestMethod.parse(request.method());
        RestRequestTarget target = RestTargetCodec.parse(request.uri(), limits);
        List<HttpHeader> headers = new ArrayList<>(HeaderFilter.forwardRequest(request.headers()));
        String id = xroad.messageId().orElse(messageId);
        Messages.checkMessageId(id);
        if (xroad.messageId().isEmpty()) {
            headers.add(new HttpHeader(RestHeaderCodec.ID, id));
        }
        headers.add(new HttpHeader(RestHeaderCodec.REQUEST_ID, requestId));
        RequestHead head = new RequestHead(MessageProtocol.REST, method, target.servicePath(), target.rawQuery(), headers);
        return new ClientCall(MessageProtocol.REST, xroad.client(), target.service(), id, requestId,
                xroad.securityServer(), head, request.body(), contentLength(request), Optional.empty());
    }

    /** The declared {@code Content-Length}, if one valid value was sent. */
    static OptionalLong contentLength(ClientRequest request) {
        List<String> values = request.headers().stream().filter(h -> h.is("Content-Length")).map(HttpHeader::value)
                .toList();
        if (values.size() != 1 || !values.getFirst().strip().matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(values.getFirst().strip()));
    }

    private static RestRequestHeaders headers(ClientRequest request, RestLimits limits) {
        if (request.headers().size() > limits.maxHeaderCount()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The request has more than " + limits.maxHeaderCount()
                    + " header fields");
        }
        return RestHeaderCodec.parseRequest(HeaderFilter.forwardRequest(request.headers()), limits);
    }
}
