// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.exchange.ClientRequestHandler;

/**
 * An IS-facing listener of the client proxy: plain HTTP ({@code listeners.clientHttp}, 8080) or HTTPS
 * with optional IS client certificates ({@code listeners.clientHttps}, 8443). Each request runs
 * {@link ClientRequestHandler#handle} on its own virtual thread while its body streams in; nothing is
 * aggregated. The constructor only assigns; {@link #start()} binds; {@link #close()} stops accepting,
 * gives running exchanges up to five seconds and frees the threads.
 */
public final class ClientHttpListener implements AutoCloseable {

    private final ClientHttpConfig config;
    private final ClientRequestHandler handler;
    private EventLoopGroup group;
    private ExecutorService executor;
    private Channel channel;

    public ClientHttpListener(ClientHttpConfig config, ClientRequestHandler handler) {
        this.config = config;
        this.handler = handler;
    }

    /**
     * Binds the listener.
     *
     * @throws ZholException {@code NetworkError} when the address cannot be bound
     */
    public synchronized ClientHttpListener start() {
        if (channel != null) {
            throw new IllegalStateException(config.name() + " is already started");
        }
        group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("zhol-" + config.name()),
                NioIoHandler.newFactory());
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("zhol-" + config.name() + "-", 0)
                .factory());
        ClientHttpHandler.Shared shared = new ClientHttpHandler.Shared(handler, executor,
                new Semaphore(config.limits().maxConcurrent()), config.limits(), config.tls().isPresent());
        try {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ClientHttpInitializer(config, shared, executor))
                    .bind(config.listener().host(), config.listener().port()).sync().channel();
        } catch (Exception e) {
            close();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot listen on " + config.listener().host()
                    + ":" + config.listener().port() + " (" + config.name() + ")", e);
        }
        return this;
    }

    /** The bound port; useful when the configured port was 0. */
    public synchronized int port() {
        if (channel == null) {
            throw new IllegalStateException(config.name() + " is not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public ClientHttpConfig config() {
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
