// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.transport.TransportLimits;

/**
 * The last handler of a connection between security servers, on both sides: it creates the
 * {@link PeerConnection}, queues the decoded frames for the virtual thread that runs the connection, wakes
 * blocked writers, and reports the end of the TLS handshake to {@code onHandshake} (the server proxy
 * starts the connection's thread there; the peer client waits on the handshake itself). An idle pooled
 * connection is closed on the idle timer or on any unsolicited frame.
 */
final class PeerFrameHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PeerFrameHandler.class);

    private final TransportLimits limits;
    private final Duration writeTimeout;
    private final Consumer<PeerConnection> onHandshake;
    private PeerConnection connection;

    PeerFrameHandler(TransportLimits limits, Duration writeTimeout, Consumer<PeerConnection> onHandshake) {
        this.limits = limits;
        this.writeTimeout = writeTimeout;
        this.onHandshake = onHandshake;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = new PeerConnection(ctx.channel(), limits, writeTimeout);
        ctx.channel().attr(PeerConnection.KEY).set(connection);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connection.closeIfIdle()) {
            LOG.debug("closed idle connection {}: the peer sent {} unasked", ctx.channel().remoteAddress(), msg);
            return;
        }
        connection.inbox().add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                onHandshake.accept(connection);
            } else {
                LOG.debug("TLS handshake with {} failed: {}", ctx.channel().remoteAddress(), handshake.cause().toString());
            }
        } else if (evt instanceof IdleStateEvent && connection.closeIfIdle()) {
            LOG.debug("closed idle connection {}", ctx.channel().remoteAddress());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        connection.flow().signal();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.inbox().end();
        connection.flow().signal();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        connection.inbox().fail(cause instanceof Exception e ? e : new IOException(cause));
        ctx.close();
    }
}
