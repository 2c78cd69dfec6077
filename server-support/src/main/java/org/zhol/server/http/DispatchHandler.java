// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Hands each aggregated request to the handler on a virtual thread and writes the answer back on the
 * event loop. Reading from the connection pauses while a request is in flight, so pipelined requests
 * are answered in order; a full server answers 503 at once instead of queuing without bound.
 */
final class DispatchHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchHandler.class);

    /** What every connection of one listener shares. */
    record Shared(HttpHandler handler, ExecutorService executor, Semaphore permits, HttpFaults faults) {
    }

    private final Shared shared;

    DispatchHandler(Shared shared) {
        this.shared = shared;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        if (!msg.decoderResult().isSuccess()) {
            write(ctx, shared.faults().render(ZholException.client(ErrorCode.BAD_REQUEST, "Malformed HTTP request"),
                    400), false);
            return;
        }
        if (!shared.permits().tryAcquire()) {
            write(ctx, HttpResponse.text(503, "Server busy"), keepAlive);
            return;
        }
        HttpRequest request = toRequest(ctx, msg);
        ctx.channel().config().setAutoRead(false);
        try {
            shared.executor().execute(() -> {
                HttpResponse response;
                try {
                    response = handle(request);
                } finally {
                    shared.permits().release();
                }
                ctx.channel().eventLoop().execute(() -> {
                    write(ctx, response, keepAlive);
                    ctx.channel().config().setAutoRead(true);
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            shared.permits().release();
            write(ctx, HttpResponse.text(503, "Server stopping"), false);
        }
    }

    private HttpResponse handle(HttpRequest request) {
        try {
            return shared.handler().handle(request);
        } catch (ZholException fault) {
            if (fault.getCause() != null) {
                LOG.warn("{} {} failed: {}", request.method(), request.path(), fault, fault.getCause());
            }
            return shared.faults().render(fault, HttpFaults.status(fault));
        } catch (Exception | Error e) {
            ZholException fault = ZholException.internal(ErrorCode.INTERNAL_ERROR, "Internal error", e);
            HttpResponse response = shared.faults().render(fault, 500);
            LOG.error("{} {} failed unexpectedly", request.method(), request.path(), e);
            return response;
        }
    }

    private static HttpRequest toRequest(ChannelHandlerContext ctx, FullHttpRequest msg) {
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri());
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> h : msg.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        return new HttpRequest(msg.method().name(), uri.path(), uri.parameters(), headers,
                ByteBufUtil.getBytes(msg.content()), (InetSocketAddress) ctx.channel().remoteAddress(), Map.of());
    }

    private static void write(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        if (!response.contentType().isEmpty()) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        response.headers().forEach(out.headers()::set);
        HttpUtil.setContentLength(out, response.body().length);
        HttpUtil.setKeepAlive(out, keepAlive);
        var future = ctx.writeAndFlush(out);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
