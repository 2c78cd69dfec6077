// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.Hello;
import org.zhol.protocol.transport.HelloCodec;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.PeerAuthenticator;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.securityserver.exchange.PeerConnector;

/**
 * Connects to other security servers ({@link PeerConnector}): mutual TLS 1.3 ({@link PeerTls}), the peer
 * must be the candidate it was dialled as, the HELLO exchange staples and checks OCSP both ways, and the
 * verified connection is pooled per server for the next exchange (TCP_NODELAY, keep-alive). Candidates are
 * tried in the given order: an idle pooled connection first (checked again against the current
 * configuration, {@link PeerConnection#recheck}), else a new one; a connection that cannot be made or fails
 * the checks moves on to the next candidate. The constructor only assigns; {@link #start()}
 * makes the threads; {@link #close()} closes the pool and frees them.
 */
public final class PeerClient implements PeerConnector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerClient.class);

    private final PeerClientConfig config;
    private final AuthIdentity identity;
    private final PeerAuthenticator authenticator;
    private final PeerPool pool;
    private EventLoopGroup group;
    private ExecutorService tlsTasks;
    private Bootstrap bootstrap;

    public PeerClient(PeerClientConfig config, AuthIdentity identity, PeerAuthenticator authenticator) {
        this.config = config;
        this.identity = identity;
        this.authenticator = authenticator;
        this.pool = new PeerPool(config.maxIdlePerPeer(), config.maxLifetime());
    }

    /** Makes the event loops and the TLS context. */
    public synchronized PeerClient start() {
        if (bootstrap != null) {
            throw new IllegalStateException("the peer client is already started");
        }
        group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("zhol-peerClient"),
                NioIoHandler.newFactory());
        tlsTasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("zhol-peerClient-tls-", 0).factory());
        bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, ServerProxyListener.WATER_MARK)
                .option(ChannelOption.MESSAGE_SIZE_ESTIMATOR, FrameSizeEstimator.INSTANCE)
                .handler(new PeerClientInitializer(config, PeerTls.client(identity, authenticator), tlsTasks));
        return this;
    }

    @Override
    public PeerChannel connect(List<SecurityServer> candidates) {
        Bootstrap connector = requireStarted();
        List<String> unreachable = new ArrayList<>();
        ZholException refused = null;
        byte[] hello = null;
        for (SecurityServer candidate : candidates) {
            PeerPool.Key key;
            try {
                key = new PeerPool.Key(candidate.id(), PeerAddress.parse(candidate.address(), config.defaultPort()));
            } catch (ZholException malformed) {
                unreachable.add(candidate.id() + ": " + malformed.detail());
                continue;
            }
            PeerConnection pooled;
            while ((pooled = pool.take(key)) != null) {
                try {
                    pooled.recheck(authenticator);
                    return channel(key, pooled);
                } catch (ZholException stale) {
                    LOG.info("Dropping a pooled connection to {}: {}", candidate.id(), stale.toString());
                    pooled.close();
                }
            }
            if (hello == null) {
                // This server's own OCSP response: without a fresh one no peer would accept it, so no failover.
                hello = HelloCodec.encode(Hello.of(identity.ocspResponse()));
            }
            try {
                return channel(key, open(connector, candidate, key.address(), hello));
            } catch (ZholException failed) {
                LOG.info("Cannot use security server {} at {}: {}", candidate.id(), key.address(), failed.toString());
                if (failed.code() == ErrorCode.NETWORK_ERROR) {
                    unreachable.add(candidate.id() + " at " + key.address() + ": " + failed.detail());
                } else {
                    refused = failed;
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
        throw fault(ErrorCode.NETWORK_ERROR, candidates.isEmpty() ? "No security server to connect to"
                : "Cannot connect to any of the security servers: " + String.join("; ", unreachable), null);
    }

    private PeerChannel channel(PeerPool.Key key, PeerConnection connection) {
        return new ExchangeChannel(connection, (c, reusable) -> {
            if (reusable) {
                pool.giveBack(key, c);
            } else {
                c.close();
            }
        });
    }

    private PeerConnection open(Bootstrap connector, SecurityServer candidate, PeerAddress address, byte[] hello) {
        InetAddress ip;
        try {
            // Resolved here, on the exchange's virtual thread: Netty's default resolver would block an event loop.
            ip = InetAddress.getByName(address.host());
        } catch (UnknownHostException e) {
            throw fault(ErrorCode.NETWORK_ERROR, "Unknown host " + address.host(), e);
        }
        ChannelFuture connecting = connector.connect(new InetSocketAddress(ip, address.port()));
        await(connecting, config.connectTimeout().toMillis() + 1000, "connecting");
        if (!connecting.isSuccess()) {
            connecting.channel().close();
            throw fault(ErrorCode.NETWORK_ERROR, connecting.isDone() ? "Cannot connect: " + reason(connecting.cause())
                    : "No connection within " + config.connectTimeout().toMillis() + " ms", connecting.cause());
        }
        Channel channel = connecting.channel();
        PeerConnection connection = channel.attr(PeerConnection.KEY).get();
        try {
            SslHandler tls = channel.pipeline().get(SslHandler.class);
            Future<Channel> handshake = tls.handshakeFuture();
            await(handshake, config.handshakeTimeout().toMillis() + 1000, "in the TLS handshake");
            if (!handshake.isSuccess()) {
                throw handshakeFailure(handshake.cause());
            }
            List<X509Certificate> chain = connection.handshakeChain();
            SecurityServerId peer = authenticator.authenticate(chain);
            if (!peer.equals(candidate.id())) {
                throw fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The server at " + address + " presented the "
                        + "authentication certificate of " + peer + ", not of " + candidate.id(), null);
            }
            Frame greeting;
            try {
                connection.send(new Frame(FrameType.HELLO, hello));
                greeting = helloFrame(connection);
            } catch (ZholException e) {
                throw refusalOr(e, tls.sslCloseFuture());
            }
            Hello answer = HelloCodec.decode(greeting.payload(), config.limits());
            authenticator.checkOcsp(chain, answer.ocspResponse());
            connection.identify(peer, chain, answer.ocspResponse());
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Frame helloFrame(PeerConnection connection) {
        Frame frame = connection.receive(config.handshakeTimeout());
        return switch (frame.type()) {
            case HELLO -> frame;
            case FAULT -> throw TransportFaultCodec.decode(frame.payload(), config.limits()).toException();
            default -> throw fault(ErrorCode.INVALID_MESSAGE, "The peer server answered " + frame.type()
                    + " instead of HELLO", null);
        };
    }

    /**
     * In TLS 1.3 the server checks this side's certificate after the client's handshake is done, so its
     * refusal arrives as an alert while the HELLO is sent or awaited. Depending on timing the connection
     * then looks merely closed; the TLS layer's close future holds the alert, so a network failure in that
     * phase is reported as the refusal it was.
     */
    private static ZholException refusalOr(ZholException failure, Future<Channel> tlsClosed) {
        if (failure.code() != ErrorCode.NETWORK_ERROR) {
            return failure;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SSLException refusal) {
                return fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The peer server refused the TLS connection: "
                        + reason(refusal), refusal);
            }
        }
        if (tlsClosed.awaitUninterruptibly(1000) && tlsClosed.cause() instanceof SSLException refusal) {
            return fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The peer server refused the TLS connection: "
                    + reason(refusal), refusal);
        }
        return failure;
    }

    private static ZholException handshakeFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ZholException refused) {
                return refused;
            }
        }
        if (cause instanceof SslHandshakeTimeoutException || !(cause instanceof SSLException)) {
            return fault(ErrorCode.NETWORK_ERROR, "The TLS handshake did not complete: " + reason(cause), cause);
        }
        return fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The TLS handshake failed: " + reason(cause), cause);
    }

    private static void await(Future<?> future, long millis, String what) {
        try {
            if (!future.await(millis, TimeUnit.MILLISECONDS)) {
                future.cancel(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw fault(ErrorCode.NETWORK_ERROR, "Interrupted " + what, e);
        }
    }

    private static String reason(Throwable cause) {
        return cause == null ? "unknown" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }

    private static ZholException fault(ErrorCode code, String detail, Throwable cause) {
        return new ZholException(FaultCode.of(code), Origin.PEER_SERVER, detail, cause);
    }

    /** Idle pooled connections to {@code server} (for health and tests). */
    public int idleConnections(SecurityServer server) {
        return pool.idleCount(new PeerPool.Key(server.id(), PeerAddress.parse(server.address(),
                config.defaultPort())));
    }

    private synchronized Bootstrap requireStarted() {
        if (bootstrap == null) {
            throw new IllegalStateException("the peer client is not started");
        }
        return bootstrap;
    }

    @Override
    public synchronized void close() {
        pool.closeAll();
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
        if (tlsTasks != null) {
            tlsTasks.shutdownNow();
            tlsTasks = null;
        }
        bootstrap = null;
    }
}
