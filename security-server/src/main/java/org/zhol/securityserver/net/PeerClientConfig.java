// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.transport.TransportLimits;

/**
 * The peer client: how this server connects to other security servers.
 *
 * @param limits           frame payload limits (default {@link TransportLimits#DEFAULT})
 * @param defaultPort      the port when a server's address has none (default 5500)
 * @param connectTimeout   a TCP connection must be made within this (default 5 s); then the next candidate
 * @param handshakeTimeout the TLS handshake, and then the peer's HELLO, must each complete within this
 *                         (default 10 s)
 * @param idleTimeout      a pooled connection unused for this long is closed (default 30 s, below the server
 *                         proxy's 60 s so that this side closes first)
 * @param maxLifetime      a connection this old is not pooled again (default 10 min), so that the peer's
 *                         certificate and HELLO OCSP response are checked afresh now and then
 * @param maxIdlePerPeer   idle connections kept per peer server (default 16); more are closed
 * @param writeTimeout     a peer that reads none of what this side sends for this long is disconnected
 *                         (default 5 min)
 */
public record PeerClientConfig(TransportLimits limits, int defaultPort, Duration connectTimeout,
        Duration handshakeTimeout, Duration idleTimeout, Duration maxLifetime, int maxIdlePerPeer,
        Duration writeTimeout) {

    /** The port of the server proxy when an address names none. */
    public static final int DEFAULT_PORT = 5500;

    /** The defaults above. */
    public static final PeerClientConfig DEFAULTS = new PeerClientConfig(TransportLimits.DEFAULT, DEFAULT_PORT,
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10), 16,
            Duration.ofMinutes(5));

    public PeerClientConfig {
        Objects.requireNonNull(limits, "limits");
        if (defaultPort < 1 || defaultPort > 65535 || maxIdlePerPeer < 0) {
            throw new IllegalArgumentException("invalid peer client port or pool size");
        }
        ClientHttpLimits.requirePositive(connectTimeout, "connectTimeout");
        ClientHttpLimits.requirePositive(handshakeTimeout, "handshakeTimeout");
        ClientHttpLimits.requirePositive(idleTimeout, "idleTimeout");
        ClientHttpLimits.requirePositive(maxLifetime, "maxLifetime");
        ClientHttpLimits.requirePositive(writeTimeout, "writeTimeout");
    }

    /** This configuration with another default port (tests connect to ephemeral ports). */
    public PeerClientConfig withDefaultPort(int port) {
        return new PeerClientConfig(limits, port, connectTimeout, handshakeTimeout, idleTimeout, maxLifetime,
                maxIdlePerPeer, writeTimeout);
    }

    /** This configuration with another pool idle timeout. */
    public PeerClientConfig withIdleTimeout(Duration newIdleTimeout) {
        return new PeerClientConfig(limits, defaultPort, connectTimeout, handshakeTimeout, newIdleTimeout, maxLifetime,
                maxIdlePerPeer, writeTimeout);
    }
}
