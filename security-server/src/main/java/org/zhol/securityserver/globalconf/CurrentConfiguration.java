// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.time.Instant;
import java.util.Optional;
import org.zhol.protocol.globalconf.GlobalConfiguration;

/**
 * The global configuration that this server may use now: what the exchange asks before every message,
 * and what the health endpoint reports.
 *
 * <p><b>Pitfalls:</b> call {@link #require()} once per exchange and keep the result for that exchange:
 * a later call may return a newer generation or throw because the configuration expired meanwhile.
 */
public interface CurrentConfiguration {

    /**
     * The verified configuration, if it has not expired at the current instant.
     *
     * @throws org.zhol.protocol.error.ZholException {@code OutdatedGlobalConf} (unprefixed, origin
     *                                               {@code THIS_SERVER}) when there is none or it has expired;
     *                                               the client proxy raises it as
     *                                               {@code Server.ClientProxy.OutdatedGlobalConf}
     */
    GlobalConfiguration require();

    /** When the configuration held expires (even if that is in the past); empty when none is held. */
    Optional<Instant> expiresAt();

    /** Generation, expiry, last success and last error, evaluated at the current instant. */
    ConfigurationStatus status();
}
