// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.InboundExchangeHandler;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * The server proxy's listener for other security servers ({@code listeners.serverProxy}, 5500): mutual
 * TLS 1.3 with {@link PeerTls}, the HELLO exchange, then {@link InboundExchangeHandler#handle} once per
 * exchange, each connection on its own virtual thread. The constructor only assigns; {@link #start()}
 * binds; {@link #close()} stops accepting, closes the connections between exchanges, gives running exchanges
 * up to five seconds and frees the threads.
 */
public final class ServerProxyListener implements AutoCloseable {

    /** The outbound buffer's water marks: a writer blocks above the high one until it drains to the low one. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(128 * 1024, 256 * 1024);

    private final ServerProxyConfig config;
    private final AuthIdentity identity;
    private final PeerAuthenticator authenticator;
    private final InboundExchangeHandler handler;
    private EventLoopGroup group;
    private ExecutorService executor;
    private ServerProxySession.Shared sessions;
    private Channel channel;

    public ServerProxyListener(ServerProxyConfig config, AuthIdentity identity, PeerAuthenticator authenticator,
            InboundExchangeHandler handler) {
        this.config = config;
        this.identity = identity;
        this.authenticator = authenticator;
        this.handler = handler;
    }

    /**
     * Binds the listener.
     *
     * @throws ZholException {@code NetworkError} when the address cannot be bound
     */
    public synchronized ServerProxyListener start() {
        if (channel != null) {
            throw new IllegalStateException("the server proxy is already started");
        }
        group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("zhol-serverProxy"),
                NioIoHandler.newFactory());
        ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name("zhol-serverProxy-", 0).factory());
        executor = threads;
        ServerProxySession.Shared shared = new ServerProxySession.Shared(config, identity, authenticator, handler);
        sessions = shared;
        try {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childOption(ChannelOption.MESSAGE_SIZE_ESTIMATOR, FrameSizeEstimator.INSTANCE)
                    .childHandler(new ServerProxyInitializer(config, PeerTls.server(identity, authenticator), threads,
                            connection -> startSession(threads, shared, connection)))
                    .bind(config.listener().host(), config.listener().port()).sync().channel();
        } catch (Exception e) {
            close();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot listen on " + config.listener().host() + ":"
                    + config.listener().port() + " (server proxy)", e);
        }
        return this;
    }

    private static void startSession(ExecutorService threads, ServerProxySession.Shared shared,
            PeerConnection connection) {
        try {
            threads.execute(new ServerProxySession(shared, connection)::run);
        } catch (RejectedExecutionException stopping) {
            connection.close();
        }
    }

    /** The bound port; useful when the configured port was 0. */
    public synchronized int port() {
        if (channel == null) {
            throw new IllegalStateException("the server proxy is not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
            channel = null;
        }
        if (sessions != null) {
            sessions.stop();
            sessions = null;
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
