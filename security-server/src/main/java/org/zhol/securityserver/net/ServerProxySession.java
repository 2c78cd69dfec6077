// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.Hello;
import org.zhol.protocol.transport.HelloCodec;
import org.zhol.protocol.transport.TransportFault;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.InboundExchangeHandler;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * One incoming connection from another security server, on its own virtual thread, from the end of the
 * TLS handshake to the close: identify the peer by its certificate, take its HELLO and check the stapled
 * OCSP response, answer with this server's HELLO, then run exchanges one at a time until one ends
 * unclean, the peer closes, or no exchange starts within the idle timeout. Before each further exchange the
 * peer is checked again ({@link PeerConnection#recheck}). A peer refused before the
 * exchanges gets a FAULT frame ({@code Server.ServerProxy.*}) and the connection is closed.
 */
final class ServerProxySession {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProxySession.class);

    /** What every connection of the listener shares. */
    record Shared(ServerProxyConfig config, AuthIdentity identity, PeerAuthenticator authenticator,
            InboundExchangeHandler handler, Semaphore permits, Set<ServerProxySession> live, AtomicBoolean stopping) {

        Shared(ServerProxyConfig config, AuthIdentity identity, PeerAuthenticator authenticator,
                InboundExchangeHandler handler) {
            this(config, identity, authenticator, handler, new Semaphore(config.maxConcurrent()),
                    ConcurrentHashMap.newKeySet(), new AtomicBoolean());
        }

        /** Stops serving: closes every connection that is between exchanges; the others close after theirs. */
        void stop() {
            stopping.set(true);
            for (ServerProxySession session : live) {
                if (!session.inExchange) {
                    session.connection.close();
                }
            }
        }
    }

    private final Shared shared;
    private final PeerConnection connection;
    private volatile boolean inExchange;

    ServerProxySession(Shared shared, PeerConnection connection) {
        this.shared = shared;
        this.connection = connection;
    }

    /** Runs the connection to its end. */
    void run() {
        shared.live().add(this);
        try {
            greetAndServe();
        } finally {
            shared.live().remove(this);
        }
    }

    private void greetAndServe() {
        try {
            greet();
        } catch (ZholException refused) {
            LOG.info("Refused a security server connection from {}: {}", connection.channel().remoteAddress(),
                    refused.toString());
            sendFault(refused);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Failed to accept a security server connection from {}", connection.channel().remoteAddress(), e);
            connection.close();
            return;
        }
        try {
            serve();
        } finally {
            if (connection.isOpen()) {
                connection.close();
            }
        }
    }

    private void greet() {
        List<X509Certificate> chain = connection.handshakeChain();
        SecurityServerId peer = shared.authenticator().authenticate(chain);
        Frame first = connection.receive(shared.config().handshakeTimeout());
        if (first.type() != FrameType.HELLO) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "The first frame is " + first.type()
                    + ", not HELLO");
        }
        Hello hello = HelloCodec.decode(first.payload(), shared.config().limits());
        shared.authenticator().checkOcsp(chain, hello.ocspResponse());
        connection.identify(peer, chain, hello.ocspResponse());
        connection.send(new Frame(FrameType.HELLO, HelloCodec.encode(Hello.of(shared.identity().ocspResponse()))));
    }

    private void serve() {
        boolean first = true;
        while (!shared.stopping().get() && connection.awaitFrame(shared.config().idleTimeout())) {
            if (!first && !stillTrusted()) {
                return;
            }
            first = false;
            try {
                shared.permits().acquire();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            inExchange = true;
            ExchangeChannel channel = new ExchangeChannel(connection, (c, reusable) -> {
                if (!reusable) {
                    c.closeAfterFlush();
                }
            });
            try {
                shared.handler().handle(channel);
            } catch (RuntimeException | Error e) {
                LOG.warn("An incoming exchange from {} failed", connection.peer(), e);
            } finally {
                inExchange = false;
                shared.permits().release();
                if (!channel.released()) {
                    LOG.warn("An incoming exchange from {} did not release its channel; closing it", connection.peer());
                    channel.release(false);
                }
            }
            if (!channel.releasedReusable()) {
                return;
            }
        }
    }

    // Every exchange after the first on a connection: the configuration or the peer's OCSP may have moved on.
    private boolean stillTrusted() {
        try {
            connection.recheck(shared.authenticator());
            return true;
        } catch (ZholException refused) {
            LOG.info("No longer accepting exchanges from {} on this connection: {}", connection.peer(),
                    refused.toString());
            sendFault(refused);
            return false;
        }
    }

    private void sendFault(ZholException refused) {
        try {
            TransportFault fault = TransportFault.of(refused.withPrefix(FaultPrefix.SERVER_SERVER_PROXY));
            connection.send(new Frame(FrameType.FAULT, TransportFaultCodec.encode(fault)));
            connection.closeAfterFlush();
        } catch (RuntimeException e) {
            connection.close();
        }
    }
}
