// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.server.config.ListenerConfig;

/**
 * The server proxy listener (other security servers, mutual TLS 1.3).
 *
 * @param listener         where it binds ({@code listeners.serverProxy}, default {@code 0.0.0.0:5500})
 * @param limits           frame payload limits (default {@link TransportLimits#DEFAULT})
 * @param handshakeTimeout the TLS handshake, and then the client's HELLO, must each complete within this
 *                         (default 10 s)
 * @param idleTimeout      a connection with no exchange for this long is closed (default 60 s; the peer
 *                         client's idle timeout is shorter, so that the client closes first)
 * @param writeTimeout     a peer that reads none of what this side sends for this long is disconnected
 *                         (default 5 min)
 * @param maxConcurrent    exchanges handled at once; further ones wait, their connections unread
 *                         (back-pressure), until one ends (default 512)
 */
public record ServerProxyConfig(ListenerConfig listener, TransportLimits limits, Duration handshakeTimeout,
        Duration idleTimeout, Duration writeTimeout, int maxConcurrent) {

    public ServerProxyConfig {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(limits, "limits");
        ClientHttpLimits.requirePositive(handshakeTimeout, "handshakeTimeout");
        ClientHttpLimits.requirePositive(idleTimeout, "idleTimeout");
        ClientHttpLimits.requirePositive(writeTimeout, "writeTimeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive");
        }
    }

    /** The defaults above on {@code listener}. */
    public static ServerProxyConfig defaults(ListenerConfig listener) {
        return new ServerProxyConfig(listener, TransportLimits.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(5), 512);
    }

    /** This configuration with another idle timeout. */
    public ServerProxyConfig withIdleTimeout(Duration newIdleTimeout) {
        return new ServerProxyConfig(listener, limits, handshakeTimeout, newIdleTimeout, writeTimeout, maxConcurrent);
    }
}
