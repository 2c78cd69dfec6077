// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.securityserver.exchange.PeerConnector;

/**
 * A man in the middle for tests, inside the consumer's server: it wraps the peer client and rewrites the
 * frames the client proxy sends, after they were signed and before TLS protects them. It also shows the
 * frames received to an observer, unchanged.
 */
final class Tampering implements UnaryOperator<PeerConnector> {

    private volatile UnaryOperator<Frame> rewrite = UnaryOperator.identity();
    private volatile Consumer<Frame> received = frame -> { };

    /** From now on, every frame received from a peer is shown to {@code observer}. */
    void observeReceived(Consumer<Frame> observer) {
        received = observer;
    }

    /** From now on, frames pass through {@code newRewrite}. */
    void set(UnaryOperator<Frame> newRewrite) {
        rewrite = newRewrite;
    }

    /** Frames pass unchanged again. */
    void off() {
        rewrite = UnaryOperator.identity();
        received = frame -> { };
    }

    @Override
    public PeerConnector apply(PeerConnector connector) {
        return candidates -> new Channel(connector.connect(candidates));
    }

    private final class Channel implements PeerChannel {
        private final PeerChannel channel;

        Channel(PeerChannel channel) {
            this.channel = channel;
        }

        @Override
        public SecurityServerId peer() {
            return channel.peer();
        }

        @Override
        public X509Certificate peerCertificate() {
            return channel.peerCertificate();
        }

        @Override
        public void send(Frame frame) {
            channel.send(rewrite.apply(frame));
        }

        @Override
        public Frame receive(Duration timeout) {
            Frame frame = channel.receive(timeout);
            received.accept(frame);
            return frame;
        }

        @Override
        public void release(boolean reusable) {
            channel.release(reusable);
        }
    }
}
