// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.handler.ssl.SslContext;
import java.util.Objects;
import java.util.Optional;
import org.zhol.server.config.ListenerConfig;

/**
 * One IS-facing listener of the client proxy.
 *
 * @param name     for thread names and logs, e.g. {@code clientHttp}
 * @param listener where it binds ({@code listeners.clientHttp} or {@code listeners.clientHttps})
 * @param tls      the HTTPS context ({@link IsTls#server}), or empty for plain HTTP
 * @param limits   sizes and timeouts
 */
public record ClientHttpConfig(String name, ListenerConfig listener, Optional<SslContext> tls,
        ClientHttpLimits limits) {

    public ClientHttpConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        if (tls.isPresent() && !tls.get().isServer()) {
            throw new IllegalArgumentException("the HTTPS listener needs a server TLS context");
        }
    }

    /** A plain-HTTP listener with the default limits. */
    public static ClientHttpConfig plain(String name, ListenerConfig listener) {
        return new ClientHttpConfig(name, listener, Optional.empty(), ClientHttpLimits.DEFAULTS);
    }

    /** An HTTPS listener with the default limits. */
    public static ClientHttpConfig https(String name, ListenerConfig listener, SslContext tls) {
        return new ClientHttpConfig(name, listener, Optional.of(tls), ClientHttpLimits.DEFAULTS);
    }

    /** This listener with other limits. */
    public ClientHttpConfig withLimits(ClientHttpLimits newLimits) {
        return new ClientHttpConfig(name, listener, tls, newLimits);
    }
}
