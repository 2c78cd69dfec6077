// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The whole pipeline of a small-request listener: TLS, HTTP codec with limits, the optional streaming
 * handler (see {@link HttpServer}), aggregation, dispatch.
 */
final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {

    private final HttpServerConfig config;
    private final DispatchHandler.Shared dispatch;
    private final Supplier<? extends ChannelHandler> streams;

    HttpServerInitializer(HttpServerConfig config, DispatchHandler.Shared dispatch,
            Supplier<? extends ChannelHandler> streams) {
        this.config = config;
        this.dispatch = dispatch;
        this.streams = streams;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline p = channel.pipeline();
        config.tls().ifPresent(tls -> p.addLast("tls", tls.newHandler(channel.alloc())));
        p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("http", new HttpServerCodec(HttpServerConfig.MAX_INITIAL_LINE, HttpServerConfig.MAX_HEADER_BYTES,
                8192));
        p.addLast("keepAlive", new HttpServerKeepAliveHandler());
        if (streams != null) {
            p.addLast("streams", streams.get());
        }
        p.addLast("aggregate", new HttpObjectAggregator(config.maxBodyBytes()));
        p.addLast("dispatch", new DispatchHandler(dispatch));
    }
}
