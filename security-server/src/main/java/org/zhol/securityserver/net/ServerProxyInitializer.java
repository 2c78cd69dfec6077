// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The whole pipeline of the server proxy listener: mutual TLS 1.3 ({@link PeerTls#server}; certificate
 * checks and the key run on {@code tlsTasks}, off the event loop), the frame codec with its limits, and the
 * handler that hands the verified connection to its virtual thread ({@code onHandshake}).
 */
final class ServerProxyInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerProxyConfig config;
    private final SslContext tls;
    private final Executor tlsTasks;
    private final Consumer<PeerConnection> onHandshake;

    ServerProxyInitializer(ServerProxyConfig config, SslContext tls, Executor tlsTasks,
            Consumer<PeerConnection> onHandshake) {
        this.config = config;
        this.tls = tls;
        this.tlsTasks = tlsTasks;
        this.onHandshake = onHandshake;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        SslHandler ssl = tls.newHandler(channel.alloc(), tlsTasks);
        ssl.setHandshakeTimeoutMillis(config.handshakeTimeout().toMillis());
        p.addLast("tls", ssl);
        p.addLast("frameDecoder", new FrameDecoder(config.limits()));
        p.addLast("frameEncoder", FrameEncoder.INSTANCE);
        p.addLast("connection", new PeerFrameHandler(config.limits(), config.writeTimeout(), onHandshake));
    }
}
