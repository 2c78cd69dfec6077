// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.exchange.ClientResponder;

/**
 * Writes one response to the IS from the exchange's virtual thread: the status and headers at
 * {@link #respond}, then the body through the returned stream. The framing headers belong to the
 * listener: {@code Transfer-Encoding}, {@code Connection} and {@code Keep-Alive} from the exchange are
 * dropped; the body is chunked unless a {@code Content-Length} is given. {@link #respond} never fails for
 * I/O: when the IS has gone, the returned stream's writes and close throw {@link java.io.IOException}.
 */
final class NettyClientResponder implements ClientResponder {

    private static final Set<String> FRAMING = Set.of("transfer-encoding", "connection", "keep-alive");

    private final Channel channel;
    private final ChannelFlow flow;
    private final Duration writeTimeout;
    private final boolean headRequest;
    private final boolean chunkedAllowed;
    private final boolean keepAlive;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile ResponseBodyStream body;

    /**
     * @param chunkedAllowed false for an HTTP/1.0 request: a body without a length then ends with the connection
     * @param keepAlive      whether the connection may serve another request; if not, {@code Connection: close}
     */
    NettyClientResponder(Channel channel, ChannelFlow flow, Duration writeTimeout, boolean headRequest,
            boolean chunkedAllowed, boolean keepAlive) {
        this.channel = channel;
        this.flow = flow;
        this.writeTimeout = writeTimeout;
        this.headRequest = headRequest;
        this.chunkedAllowed = chunkedAllowed;
        this.keepAlive = keepAlive;
    }

    @Override
    public OutputStream respond(int status, List<HttpHeader> headers) {
        if (status < 200 || status > 999) {
            throw new IllegalArgumentException("not a final HTTP status: " + status);
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the response has already been started");
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        for (HttpHeader header : headers) {
            if (!FRAMING.contains(header.lowerName())) {
                response.headers().add(header.name(), header.value());
            }
        }
        long length = contentLength(response);
        boolean bodyAllowed = !headRequest && status != 204 && status != 304;
        if (bodyAllowed && length < 0 && chunkedAllowed) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        // No wait here: the head is small, and an IS that is gone fails the first body write or the close.
        ChannelFuture head = channel.write(response);
        body = new ResponseBodyStream(channel, flow, writeTimeout, length, bodyAllowed, head);
        return body;
    }

    private static long contentLength(HttpResponse response) {
        List<String> values = response.headers().getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (values.isEmpty()) {
            return -1;
        }
        if (values.size() > 1 || !values.getFirst().matches("[0-9]{1,18}")) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Invalid Content-Length in a response",
                    new IllegalArgumentException(String.join(",", values)));
        }
        return Long.parseLong(values.getFirst());
    }

    /** Whether the status line and headers were written. */
    boolean started() {
        return body != null;
    }

    /**
     * After the handler returned: whether the response ended cleanly. A response that was started but not
     * closed is aborted (the connection is reset).
     */
    boolean finish() {
        if (body == null) {
            return false;
        }
        if (!body.ended()) {
            body.abort();
            return false;
        }
        return true;
    }

    /** The last write of the response, to close the connection once it is sent. */
    ChannelFuture lastWrite() {
        return body == null ? channel.newSucceededFuture() : body.lastWrite();
    }
}
