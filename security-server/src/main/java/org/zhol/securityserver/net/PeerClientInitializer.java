// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline of a connection to another security server: mutual TLS 1.3 ({@link PeerTls#client};
 * certificate checks and the key run on {@code tlsTasks}), the pool's idle timer, the frame codec with its
 * limits, and the handler that queues frames for the exchange's virtual thread.
 */
final class PeerClientInitializer extends ChannelInitializer<SocketChannel> {

    private final PeerClientConfig config;
    private final SslContext tls;
    private final Executor tlsTasks;

    PeerClientInitializer(PeerClientConfig config, SslContext tls, Executor tlsTasks) {
        this.config = config;
        this.tls = tls;
        this.tlsTasks = tlsTasks;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        SslHandler ssl = tls.newHandler(channel.alloc(), tlsTasks);
        ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        p.addLast("tls", ssl);
        p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("frameDecoder", new FrameDecoder(config.limits()));
        p.addLast("frameEncoder", FrameEncoder.INSTANCE);
        p.addLast("connection", new PeerFrameHandler(config.limits(), config.writeTimeout(), connection -> { }));
    }
}
