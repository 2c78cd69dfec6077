// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.time.Duration;
import java.util.Objects;

/**
 * The instance-wide timing parameters of trust.
 *
 * @param ocspFreshness        how long after its {@code thisUpdate} an OCSP response may be relied on
 * @param timestampingInterval how often a security server stamps its message log
 * @param configurationExpiry  how long a generated configuration stays valid
 */
public record TrustParameters(Duration ocspFreshness, Duration timestampingInterval, Duration configurationExpiry) {

    /** The defaults: OCSP fresh for 3600 s, stamping every 60 s, configuration valid for 600 s. */
    public static final TrustParameters DEFAULTS =
            new TrustParameters(Duration.ofSeconds(3600), Duration.ofSeconds(60), Duration.ofSeconds(600));

    public TrustParameters {
        requirePositive(ocspFreshness, "ocspFreshness");
        requirePositive(timestampingInterval, "timestampingInterval");
        requirePositive(configurationExpiry, "configurationExpiry");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
