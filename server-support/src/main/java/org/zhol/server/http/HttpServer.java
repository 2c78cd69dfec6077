// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * One small-request HTTP(S) listener. The constructor only assigns; {@link #start()} binds and
 * {@link #close()} stops accepting, lets running handlers finish for up to five seconds, and frees
 * the threads.
 */
public final class HttpServer implements AutoCloseable {

    private final HttpServerConfig config;
    private final HttpHandler handler;
    private final ObjectMapper json;
    private final Supplier<? extends ChannelHandler> streams;
    private EventLoopGroup group;
    private ExecutorService executor;
    private Channel channel;

    public HttpServer(HttpServerConfig config, HttpHandler handler, ObjectMapper json) {
        this(config, handler, json, null);
    }

    /**
     * A listener whose connections each get a handler from {@code streams} in front of the aggregation:
     * it sees the decoded head and body chunks of every request, answers the requests whose bodies it
     * streams itself (bodies larger than {@code maxBodyBytes}, which the aggregation would refuse), and
     * passes every other message on unchanged. Used by the demo provider's large-body service.
     */
    public HttpServer(HttpServerConfig config, HttpHandler handler, ObjectMapper json,
            Supplier<? extends ChannelHandler> streams) {
        this.config = config;
        this.handler = handler;
        this.json = json;
        this.streams = streams;
    }

    /**
     * Binds the listener.
     *
     * @throws ZholException {@code NetworkError} when the address cannot be bound
     */
    public synchronized HttpServer start() {
        if (channel != null) {
            throw new IllegalStateException(config.name() + " is already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("zhol-" + config.name()),
                NioIoHandler.newFactory());
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("zhol-" + config.name() + "-", 0)
                .factory());
        DispatchHandler.Shared shared = new DispatchHandler.Shared(handler, executor,
                new Semaphore(config.maxConcurrent()), new HttpFaults(json));
        try {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new HttpServerInitializer(config, shared, streams))
                    .bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            close();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR,
                    "Cannot listen on " + config.host() + ":" + config.port() + " (" + config.name() + ")", e);
        }
        return this;
    }

    /** The bound port; useful when the configured port was 0. */
    public int port() {
        if (channel == null) {
            throw new IllegalStateException(config.name() + " is not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public HttpServerConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            channel = null;
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }
}
