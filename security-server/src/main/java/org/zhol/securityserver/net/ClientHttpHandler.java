// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.exchange.ClientRequest;
import org.zhol.securityserver.exchange.ClientRequestHandler;

/**
 * Hands each IS request to the {@link ClientRequestHandler} on a virtual thread while its body still
 * streams in, and keeps HTTP/1.1 keep-alive in order: one request at a time per connection; a pipelined
 * request waits (reading paused) until the current response is done. Limits crossed in the codec are
 * answered here ({@link HttpFaultResponses}), as are stalled bodies and slow headers ({@link ClientHttpLimits}).
 * Event-loop confined, except {@link #run}.
 */
final class ClientHttpHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHttpHandler.class);
    /** Body bytes queued per request before reading pauses, and the level at which it resumes. */
    private static final int BODY_HIGH_WATER = 256 * 1024;
    private static final int BODY_LOW_WATER = 64 * 1024;
    /** How long a closing connection keeps reading the rest of a refused request. */
    private static final long LINGER_MILLIS = 2000;

    /** What every connection of one listener shares. */
    record Shared(ClientRequestHandler handler, ExecutorService executor, Semaphore permits, ClientHttpLimits limits,
            boolean tls) {
    }

    /** One request in flight. */
    private static final class Exchange {
        final FlowQueue<ByteBuf> body;
        final NettyClientResponder responder;
        final boolean keepAlive;
        boolean requestEnded;
        long lastActivity = System.nanoTime();
        ScheduledFuture<?> stallTimer;

        Exchange(FlowQueue<ByteBuf> body, NettyClientResponder responder, boolean keepAlive) {
            this.body = body;
            this.responder = responder;
            this.keepAlive = keepAlive;
        }
    }

    private final Shared shared;
    private final HeadProgress progress;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private ChannelFlow flow;
    private Exchange current;
    private ScheduledFuture<?> headerTimer;
    private boolean refused;

    ClientHttpHandler(Shared shared, HeadProgress progress) {
        this.shared = shared;
        this.progress = progress;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        flow = new ChannelFlow(ctx.channel());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        armHeaderTimer(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else if (!pending.isEmpty() || (current != null && current.requestEnded)) {
            pending.add(msg);
            flow.pause(ChannelFlow.PIPELINED);
        } else {
            dispatch(ctx, msg);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            start(ctx, request);
        } else if (msg instanceof HttpContent content) {
            content(ctx, content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request) {
        cancel(headerTimer);
        progress.reset();
        if (request.decoderResult().isFailure()) {
            ReferenceCountUtil.release(request);
            refuse(ctx, switch (request.decoderResult().cause()) {
                case TooLongHttpLineException tooLong -> HttpFaultResponses.uriTooLong(
                        shared.limits().maxRequestLineBytes());
                case TooLongHttpHeaderException tooLarge -> HttpFaultResponses.headersTooLarge(
                        "The request headers are larger than " + shared.limits().maxHeaderBytes() + " bytes");
                default -> HttpFaultResponses.malformed();
            });
            return;
        }
        if (request.headers().size() > shared.limits().maxHeaderCount()) {
            refuse(ctx, HttpFaultResponses.headersTooLarge("The request has more than "
                    + shared.limits().maxHeaderCount() + " header fields"));
            return;
        }
        if (!shared.permits().tryAcquire()) {
            refuse(ctx, HttpFaultResponses.busy());
            return;
        }
        FlowQueue<ByteBuf> body = new FlowQueue<>(flow, BODY_HIGH_WATER, BODY_LOW_WATER, ByteBuf::readableBytes,
                ByteBuf::release);
        // Deviation: HTTP/1.0 has no chunked bodies; its responses without a length end with the connection.
        boolean http10 = HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !http10;
        Exchange exchange = new Exchange(body, new NettyClientResponder(ctx.channel(), flow,
                shared.limits().idleTimeout(), HttpMethod.HEAD.equals(request.method()), !http10, keepAlive),
                keepAlive);
        ClientRequest clientRequest;
        try {
            clientRequest = ClientRequests.of(ctx.channel(), request, shared.tls(), new RequestBodyStream(body));
        } catch (ZholException malformed) {
            shared.permits().release();
            refuse(ctx, HttpFaultResponses.malformed());
            return;
        }
        current = exchange;
        armStallTimer(ctx, exchange, shared.limits().idleTimeout().toNanos());
        try {
            shared.executor().execute(() -> run(ctx, exchange, clientRequest));
        } catch (RejectedExecutionException stopping) {
            shared.permits().release();
            current = null;
            refuse(ctx, HttpFaultResponses.busy());
        }
    }

    private void content(ChannelHandlerContext ctx, HttpContent content) {
        Exchange exchange = current;
        if (exchange == null || exchange.requestEnded) {
            content.release();
            return;
        }
        if (content.decoderResult().isFailure()) {
            content.release();
            exchange.body.fail(new IOException("the request body is malformed"));
            refused = true;
            return;
        }
        exchange.lastActivity = System.nanoTime();
        if (content.content().isReadable()) {
            exchange.body.add(content.content());
        } else {
            content.release();
        }
        if (content instanceof LastHttpContent) {
            // Bytes read after this belong to the next head (those in the same read are missed: no 408 then).
            progress.reset();
            exchange.requestEnded = true;
            exchange.body.end();
            cancel(exchange.stallTimer);
            flow.pause(ChannelFlow.PIPELINED);
        }
    }

    /** The exchange, on its virtual thread. */
    private void run(ChannelHandlerContext ctx, Exchange exchange, ClientRequest request) {
        ChannelFuture lastWrite;
        boolean clean = false;
        try {
            shared.handler().handle(request, exchange.responder);
        } catch (RuntimeException | Error e) {
            LOG.warn("The client proxy failed on {} {}", request.method(), request.uri(), e);
        } finally {
            shared.permits().release();
            if (exchange.responder.started()) {
                clean = exchange.responder.finish();
                lastWrite = exchange.responder.lastWrite();
            } else {
                lastWrite = ctx.channel().writeAndFlush(HttpFaultResponses.internalError());
            }
            closeQuietly(request.body());
        }
        boolean reusable = clean;
        ChannelFuture last = lastWrite;
        ctx.executor().execute(() -> done(ctx, exchange, last, reusable));
    }

    private void done(ChannelHandlerContext ctx, Exchange exchange, ChannelFuture lastWrite, boolean reusable) {
        cancel(exchange.stallTimer);
        current = null;
        if (!reusable || refused || !exchange.requestEnded || !exchange.keepAlive) {
            if (exchange.requestEnded && !refused) {
                refused = true;
                releasePending();
                lastWrite.addListener(ChannelFutureListener.CLOSE);
            } else {
                closeAfter(ctx, lastWrite);
            }
            return;
        }
        while (!refused && !pending.isEmpty() && (current == null || !current.requestEnded)) {
            dispatch(ctx, pending.poll());
        }
        if (current == null && !refused) {
            armHeaderTimer(ctx);
        }
        if (pending.isEmpty() && (current == null || !current.requestEnded)) {
            flow.resume(ChannelFlow.PIPELINED);
        }
    }

    private void refuse(ChannelHandlerContext ctx, FullHttpResponse response) {
        closeAfter(ctx, ctx.writeAndFlush(response));
    }

    /**
     * Closes the connection after {@code lastWrite}, reading and dropping what the IS still sends for up to
     * {@value #LINGER_MILLIS} ms: closing with unread input resets the connection, and the reset can destroy
     * the answer before the IS reads it (an IS still uploading a refused body).
     */
    private void closeAfter(ChannelHandlerContext ctx, ChannelFuture lastWrite) {
        refused = true;
        releasePending();
        flow.resume(ChannelFlow.PIPELINED);
        flow.resume(ChannelFlow.QUEUE_FULL);
        lastWrite.addListener(written -> {
            if (written.isSuccess()) {
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        });
    }

    // A head that started but did not end in time (slowloris) is answered 408; an idle connection just closes.
    private void armHeaderTimer(ChannelHandlerContext ctx) {
        headerTimer = ctx.executor().schedule(() -> {
            if (current != null || refused) {
                return;
            }
            if (progress.started()) {
                refuse(ctx, HttpFaultResponses.headTimeout(shared.limits().headerTimeout()));
            } else {
                ctx.close();
            }
        }, shared.limits().headerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    // The IS must keep sending its body; time spent paused by back-pressure is the exchange's, not the IS's.
    private void armStallTimer(ChannelHandlerContext ctx, Exchange exchange, long delayNanos) {
        exchange.stallTimer = ctx.executor().schedule(() -> {
            if (current != exchange || exchange.requestEnded) {
                return;
            }
            long now = System.nanoTime();
            if (flow.paused(ChannelFlow.QUEUE_FULL)) {
                exchange.lastActivity = now;
            }
            long idle = now - Math.max(exchange.lastActivity, flow.resumedAt());
            long limit = shared.limits().idleTimeout().toNanos();
            if (idle >= limit) {
                exchange.body.fail(new IOException("the request body stalled for "
                        + shared.limits().idleTimeout().toSeconds() + " s"));
                refused = true;
                ctx.close();
            } else {
                armStallTimer(ctx, exchange, limit - idle);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        flow.signal();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel(headerTimer);
        if (current != null) {
            cancel(current.stallTimer);
            current.body.fail(new IOException("the IS closed the connection"));
        }
        releasePending();
        flow.signal();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("IS connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void releasePending() {
        while (!pending.isEmpty()) {
            ReferenceCountUtil.release(pending.poll());
        }
    }

    // Frees the buffer the handler was reading and whatever is still queued.
    private static void closeQuietly(java.io.InputStream body) {
        try {
            body.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a request body failed: {}", e.toString());
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
