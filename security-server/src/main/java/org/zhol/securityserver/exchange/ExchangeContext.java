// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.time.InstantSource;
import java.util.Objects;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.rest.RestLimits;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.globalconf.CurrentConfiguration;

/**
 * What both proxies share: this server, its configuration, its signing and verifying, the message log,
 * the limits and the clock.
 *
 * @param serverId      this security server
 * @param configuration the global configuration held
 * @param signing       signs for the members this server acts for
 * @param signatures    verifies the peers' signatures
 * @param log           where signed messages are recorded before an answer is released
 * @param settings      limits and timeouts
 * @param clock         signing and verification time
 */
public record ExchangeContext(SecurityServerId serverId, CurrentConfiguration configuration, MemberSigning signing,
        SignatureCheck signatures, MessageLog log, ExchangeConfig settings, InstantSource clock) {

    public ExchangeContext {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
    }

    /** The frame limits. */
    public TransportLimits limits() {
        return TransportLimits.DEFAULT;
    }

    /** The REST codec's limits. */
    public RestLimits restLimits() {
        return RestLimits.DEFAULTS;
    }

    /** The SOAP codec's limits. */
    public SoapLimits soapLimits() {
        return SoapLimits.defaults();
    }
}
