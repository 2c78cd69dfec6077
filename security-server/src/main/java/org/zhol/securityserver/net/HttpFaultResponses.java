// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestErrorCodec;
import org.zhol.protocol.rest.RestErrorResponse;

/**
 * The answers the IS listener gives by itself, before a request reaches the exchange: limits crossed,
 * malformed HTTP, the listener busy, or a handler that never answered. They are REST r1 errors (JSON
 * body and {@code X-Road-Error}) with a status that says what went wrong, and they close the connection.
 */
final class HttpFaultResponses {

    private HttpFaultResponses() {
    }

    /** 414: the request line is too long. */
    static FullHttpResponse uriTooLong(int limit) {
        return render(HttpResponseStatus.REQUEST_URI_TOO_LONG, ZholException.client(ErrorCode.BAD_REQUEST,
                "The request line is longer than " + limit + " bytes"));
    }

    /** 431: the header lines are too large. */
    static FullHttpResponse headersTooLarge(String detail) {
        return render(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                ZholException.client(ErrorCode.BAD_REQUEST, detail));
    }

    /** 408: the request line and headers did not arrive within the header timeout (a slow head). */
    static FullHttpResponse headTimeout(java.time.Duration limit) {
        return render(HttpResponseStatus.REQUEST_TIMEOUT, ZholException.client(ErrorCode.BAD_REQUEST,
                "The request line and headers did not arrive within " + limit.toMillis() + " ms"));
    }

    /** 400: not HTTP/1.x as the codec understands it. */
    static FullHttpResponse malformed() {
        return render(HttpResponseStatus.BAD_REQUEST, ZholException.client(ErrorCode.BAD_REQUEST,
                "Malformed HTTP request"));
    }

    /** 503: the listener handles as many requests as it may. */
    static FullHttpResponse busy() {
        return render(HttpResponseStatus.SERVICE_UNAVAILABLE, ZholException.internal(ErrorCode.INTERNAL_ERROR,
                "The security server is busy; try again later", null));
    }

    /** 500: the handler failed without answering. */
    static FullHttpResponse internalError() {
        return render(HttpResponseStatus.INTERNAL_SERVER_ERROR, ZholException.internal(ErrorCode.INTERNAL_ERROR,
                "Internal error", null));
    }

    private static FullHttpResponse render(HttpResponseStatus status, ZholException fault) {
        FaultPrefix prefix = fault.code() == ErrorCode.BAD_REQUEST ? FaultPrefix.CLIENT
                : FaultPrefix.SERVER_CLIENT_PROXY;
        RestErrorResponse error = RestErrorCodec.render(fault.withPrefix(prefix), UUID.randomUUID().toString());
        byte[] body = error.body().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        for (HttpHeader header : error.headers()) {
            response.headers().set(header.name(), header.value());
        }
        HttpUtil.setContentLength(response, body.length);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
