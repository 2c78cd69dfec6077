// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.util.concurrent.Executor;

/**
 * The whole pipeline of an IS-facing listener: TLS (HTTPS only), a note of bytes arriving for a request
 * head (for the header timeout's answer), the HTTP/1.1 codec with the line and header limits,
 * {@code Expect: 100-continue}, and the handler that streams each request to the exchange
 * and keeps the connection alive between requests. No aggregation: bodies stream both ways.
 */
final class ClientHttpInitializer extends ChannelInitializer<SocketChannel> {

    /** Body bytes per decoded chunk. */
    static final int MAX_CHUNK = 64 * 1024;

    private final ClientHttpConfig config;
    private final ClientHttpHandler.Shared shared;
    private final Executor tlsTasks;

    ClientHttpInitializer(ClientHttpConfig config, ClientHttpHandler.Shared shared, Executor tlsTasks) {
        this.config = config;
        this.shared = shared;
        this.tlsTasks = tlsTasks;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        config.tls().ifPresent(tls -> p.addLast("tls", tls.newHandler(channel.alloc(), tlsTasks)));
        HeadProgress progress = new HeadProgress();
        p.addLast("progress", progress);
        p.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(config.limits().maxRequestLineBytes())
                .setMaxHeaderSize(config.limits().maxHeaderBytes())
                .setMaxChunkSize(MAX_CHUNK)));
        p.addLast("continue", new HttpServerExpectContinueHandler());
        p.addLast("exchange", new ClientHttpHandler(shared, progress));
    }
}
