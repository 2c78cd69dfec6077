// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameCodec;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * One TLS connection to another security server, seen from a virtual thread: blocking {@link #send} and
 * {@link #receive} over the channel, with back-pressure both ways ({@link ChannelFlow}, {@link FlowQueue}).
 * It is identified ({@link #identify}) once the handshake and the HELLO frames passed the peer checks.
 *
 * <p>The pool state ({@link #checkOut()}, {@link #park()}) lets the peer client, the idle timer and an
 * unexpected frame race for an idle connection without locks: whoever moves it out of {@code IDLE} owns it.
 */
final class PeerConnection {

    /** Where the pipeline's handler finds the connection. */
    static final AttributeKey<PeerConnection> KEY = AttributeKey.valueOf(PeerConnection.class, "connection");

    /** Received frames queued before reading pauses, and the level at which it resumes. */
    static final int HIGH_WATER = 512 * 1024;
    private static final int LOW_WATER = 128 * 1024;

    /** How long a closing connection keeps reading (and dropping) what the peer still sends. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private static final int BUSY = 0;
    private static final int IDLE = 1;
    private static final int CLOSED = 2;

    private final Channel channel;
    private final ChannelFlow flow;
    private final FlowQueue<Object> inbox;
    private final TransportLimits limits;
    private final Duration writeTimeout;
    private final long openedAt = System.nanoTime();
    private final AtomicInteger state = new AtomicInteger(BUSY);
    private volatile SecurityServerId peer;
    private volatile List<X509Certificate> chain = List.of();
    private volatile byte[] ocsp = new byte[0];

    PeerConnection(Channel channel, TransportLimits limits, Duration writeTimeout) {
        this.channel = channel;
        this.flow = new ChannelFlow(channel);
        this.inbox = new FlowQueue<>(flow, HIGH_WATER, LOW_WATER, PeerConnection::size, item -> { });
        this.limits = limits;
        this.writeTimeout = writeTimeout;
    }

    private static int size(Object item) {
        return item instanceof Frame frame ? frame.payload().length : 0;
    }

    Channel channel() {
        return channel;
    }

    ChannelFlow flow() {
        return flow;
    }

    FlowQueue<Object> inbox() {
        return inbox;
    }

    /** The certificate chain the peer presented in the handshake (leaf first). */
    List<X509Certificate> handshakeChain() {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
                certificates.add((X509Certificate) certificate);
            }
            return List.copyOf(certificates);
        } catch (SSLPeerUnverifiedException | RuntimeException e) {
            throw fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The peer presented no certificate", e);
        }
    }

    /** Records who the peer is and the OCSP response it stapled in its HELLO, after the checks passed. */
    void identify(SecurityServerId server, List<X509Certificate> certificates, byte[] stapledOcsp) {
        this.chain = List.copyOf(certificates);
        this.ocsp = stapledOcsp.clone();
        this.peer = server;
    }

    /**
     * Checks the peer again against the current configuration before another exchange on this connection:
     * its certificate is still registered for the same server, and the OCSP response of its HELLO is still
     * fresh. A connection that fails is not used again (the peer reconnects with a fresh HELLO).
     *
     * @throws ZholException what {@link PeerAuthenticator} throws, or {@code SslAuthenticationFailed} when
     *                       the certificate is now registered for another server
     */
    void recheck(PeerAuthenticator authenticator) {
        SecurityServerId now = authenticator.authenticate(chain);
        if (!now.equals(peer)) {
            throw fault(ErrorCode.SSL_AUTHENTICATION_FAILED, "The peer's certificate is now registered for " + now
                    + ", not " + peer, null);
        }
        authenticator.checkOcsp(chain, ocsp);
    }

    SecurityServerId peer() {
        return peer;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Sends a frame, waiting while the connection's outbound buffer is full.
     *
     * @throws ZholException {@code NetworkError} when the connection is gone or the peer stopped reading, and
     *                       at once when the peer has already sent a FAULT (it refused the message being sent:
     *                       transport.md §8.1); the FAULT stays queued for {@link #receive}
     */
    void send(Frame frame) {
        FrameCodec.requireWithin(frame, limits);
        if (inbox.anyQueued(item -> item instanceof Frame f && f.type() == FrameType.FAULT)) {
            throw fault(ErrorCode.NETWORK_ERROR, "The peer server sent a FAULT while this side was sending", null);
        }
        try {
            flow.awaitWritable(writeTimeout);
        } catch (IOException e) {
            close();
            throw fault(ErrorCode.NETWORK_ERROR, "Cannot send to the peer server: " + e.getMessage(), e);
        }
        channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /**
     * The next frame from the peer.
     *
     * @throws ZholException {@code NetworkError} when the connection closed or nothing came in time;
     *                       {@code InvalidMessage} when the peer broke the frame rules
     */
    Frame receive(Duration timeout) {
        Object item;
        try {
            item = inbox.poll(timeout);
        } catch (FlowQueue.TimedOut timedOut) {
            throw fault(ErrorCode.NETWORK_ERROR, "The peer server sent nothing for " + timeout.toMillis() + " ms",
                    null);
        } catch (FlowQueue.Failed failed) {
            throw fault(ErrorCode.NETWORK_ERROR, "The connection to the peer server failed: " + failed.getMessage(),
                    failed.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw fault(ErrorCode.NETWORK_ERROR, "Interrupted while waiting for the peer server", e);
        }
        return switch (item) {
            case null -> throw fault(ErrorCode.NETWORK_ERROR, "The peer server closed the connection", null);
            case Frame frame -> frame;
            case MalformedFrame malformed -> throw malformed.fault();
            default -> throw new IllegalStateException("unexpected item " + item);
        };
    }

    /** Waits until a frame is queued; false when the connection ended or {@code timeout} passed first. */
    boolean awaitFrame(Duration timeout) {
        try {
            return inbox.awaitItem(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Puts a connection whose exchange ended cleanly into the pool: it is idle until checked out. */
    void park() {
        state.compareAndSet(BUSY, IDLE);
    }

    /** Takes an idle connection for an exchange; false when it is no longer idle, open and clean. */
    boolean checkOut() {
        if (!state.compareAndSet(IDLE, BUSY)) {
            return false;
        }
        if (!channel.isActive() || !inbox.isIdle()) {
            state.set(CLOSED);
            channel.close();
            return false;
        }
        return true;
    }

    /** Closes the connection if it is idle (pool timeout, unexpected frame); false if it is in use. */
    boolean closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            channel.close();
            return true;
        }
        return false;
    }

    boolean isOpen() {
        return channel.isActive() && state.get() != CLOSED;
    }

    /** How long ago the connection was opened. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedAt);
    }

    void close() {
        state.set(CLOSED);
        channel.close();
    }

    /**
     * Closes the connection after a FAULT or an unclean exchange, so that the peer still gets what was sent:
     * once it is flushed, whatever the peer still sends is read and dropped until it closes or
     * {@link #LINGER} passes. (Closing a socket with unread input resets it, and the reset may destroy the
     * FAULT before the peer reads it.)
     */
    void closeAfterFlush() {
        state.set(CLOSED);
        inbox.close(new IOException("the connection is closing"));
        flow.resume(ChannelFlow.QUEUE_FULL);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (written.isSuccess()) {
                channel.eventLoop().schedule(() -> channel.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }

    private static ZholException fault(ErrorCode code, String detail, Throwable cause) {
        return new ZholException(FaultCode.of(code), Origin.PEER_SERVER, detail, cause);
    }
}
