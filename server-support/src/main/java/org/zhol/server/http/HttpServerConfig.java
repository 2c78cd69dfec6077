// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One listener.
 *
 * @param name          for thread names and logs, e.g. "admin"
 * @param host          the address to bind, e.g. {@code 127.0.0.1} (admin APIs bind to loopback by default)
 * @param port          the port; 0 picks a free one (see {@link HttpServer#port()})
 * @param tls           a server TLS context, or empty for plain HTTP
 * @param maxBodyBytes  Limit: a larger body is refused with 413 (default 1 MiB)
 * @param maxConcurrent Limit: requests handled at once; more get 503 at once (default 64)
 * @param idleTimeout   an idle connection is closed after this (default 60 s)
 */
public record HttpServerConfig(String name, String host, int port, Optional<SslContext> tls, int maxBodyBytes,
        int maxConcurrent, Duration idleTimeout) {

    public static final int DEFAULT_MAX_BODY = 1 << 20;
    public static final int DEFAULT_MAX_CONCURRENT = 64;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Limit: the longest request line. */
    public static final int MAX_INITIAL_LINE = 8192;
    /** Limit: all request headers together. */
    public static final int MAX_HEADER_BYTES = 16384;

    public HttpServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535 || maxBodyBytes < 0 || maxConcurrent < 1) {
            throw new IllegalArgumentException("invalid listener limits for " + name);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** A plain-HTTP listener with default limits. */
    public static HttpServerConfig plain(String name, String host, int port) {
        return new HttpServerConfig(name, host, port, Optional.empty(), DEFAULT_MAX_BODY, DEFAULT_MAX_CONCURRENT,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** This listener with TLS. */
    public HttpServerConfig withTls(SslContext context) {
        return new HttpServerConfig(name, host, port, Optional.of(context), maxBodyBytes, maxConcurrent, idleTimeout);
    }

    /** This listener with another body limit. */
    public HttpServerConfig withMaxBodyBytes(int limit) {
        return new HttpServerConfig(name, host, port, tls, limit, maxConcurrent, idleTimeout);
    }
}
