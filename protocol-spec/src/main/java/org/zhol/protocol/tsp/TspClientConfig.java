// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link TspClient}.
 *
 * @param connectTimeout   how long to wait for a TCP connection to a TSA (default 5 s)
 * @param requestTimeout   how long to wait for a whole reply (default 10 s)
 * @param maxResponseBytes Limit: the largest reply read; a longer one counts as the TSA failing
 *                         (default {@link TimestampResponse#MAX_ENCODED_LENGTH})
 */
public record TspClientConfig(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {

    /** The defaults. */
    public static final TspClientConfig DEFAULTS = new TspClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(10),
            TimestampResponse.MAX_ENCODED_LENGTH);

    public TspClientConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxResponseBytes <= 0 || maxResponseBytes > TimestampResponse.MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("maxResponseBytes must be in 1.." + TimestampResponse.MAX_ENCODED_LENGTH);
        }
    }
}
