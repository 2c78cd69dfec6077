// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;
import org.zhol.securityserver.exchange.PeerChannel;

/**
 * One exchange's view of a {@link PeerConnection}: usable until {@link #release}, after which the
 * connection serves the next exchange (reusable) or is closed. Using it after the release is a bug and
 * throws {@link IllegalStateException}.
 */
final class ExchangeChannel implements PeerChannel {

    /** What happens to the connection at release: pooled or closed, by its owner. */
    @FunctionalInterface
    interface Release {
        /** Called once, with whether both messages completed and the connection is still open. */
        void released(PeerConnection connection, boolean reusable);
    }

    private final PeerConnection connection;
    private final Release onRelease;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean reusable;

    ExchangeChannel(PeerConnection connection, Release onRelease) {
        this.connection = connection;
        this.onRelease = onRelease;
    }

    @Override
    public SecurityServerId peer() {
        return connection.peer();
    }

    @Override
    public X509Certificate peerCertificate() {
        return connection.chain().getFirst();
    }

    @Override
    public void send(Frame frame) {
        requireOpen();
        connection.send(frame);
    }

    @Override
    public Frame receive(Duration timeout) {
        requireOpen();
        return connection.receive(timeout);
    }

    @Override
    public void release(boolean reusableConnection) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        reusable = reusableConnection && connection.isOpen();
        onRelease.released(connection, reusable);
    }

    /** Whether the exchange released the connection for reuse. */
    boolean releasedReusable() {
        return released.get() && reusable;
    }

    PeerConnection connection() {
        return connection;
    }

    boolean released() {
        return released.get();
    }

    private void requireOpen() {
        if (released.get()) {
            throw new IllegalStateException("the channel was released");
        }
    }

    @Override
    public String toString() {
        return "PeerChannel[" + connection.peer() + " " + connection.channel().remoteAddress() + "]";
    }
}
