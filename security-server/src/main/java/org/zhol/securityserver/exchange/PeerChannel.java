// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.cert.X509Certificate;
import java.time.Duration;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.transport.Frame;

/**
 * A verified connection to another security server, on which one exchange runs at a time. The TLS
 * handshake and the HELLO frames were checked by {@link PeerAuthenticator} before the channel is handed
 * out. Blocking; meant for virtual threads.
 */
public interface PeerChannel extends AutoCloseable {

    /** The peer server, as identified by its authentication certificate. */
    SecurityServerId peer();

    /** The peer's authentication certificate from the TLS handshake. */
    X509Certificate peerCertificate();

    /**
     * Sends a frame; blocks while the connection cannot take more (back-pressure).
     *
     * @throws org.zhol.protocol.error.ZholException {@code NetworkError} when the connection is gone
     */
    void send(Frame frame);

    /**
     * The next frame from the peer.
     *
     * @throws org.zhol.protocol.error.ZholException {@code NetworkError} when the connection closes or
     *                                               nothing arrives within {@code timeout}, or a frame is
     *                                               malformed ({@code InvalidMessage})
     */
    Frame receive(Duration timeout);

    /**
     * Ends this exchange on the channel: a {@code reusable} channel (both messages complete) goes back to
     * its pool, any other is closed.
     */
    void release(boolean reusable);

    /** Closes the connection; the same as {@code release(false)}. */
    @Override
    default void close() {
        release(false);
    }
}
