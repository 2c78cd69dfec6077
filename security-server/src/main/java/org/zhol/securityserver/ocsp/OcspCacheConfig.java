// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link OcspCache}.
 *
 * @param directory     where responses are kept, one {@code <sha256-of-certificate>.der} file each;
 *                      by default {@code <data dir>/ocsp}
 * @param fetchInterval how often a response is fetched anew; default 20 min. A response is fetched
 *                      earlier when half of its freshness has passed (see {@code docs/ocsp.md})
 * @param retryInitial  the wait after a first failed fetch, doubled after each further failure;
 *                      default 10 s
 * @param retryMax      the longest wait between retries; default 5 min
 * @param tick          the longest the scheduler sleeps before it looks again for new certificates
 *                      and due fetches; default 30 s
 */
public record OcspCacheConfig(Path directory, Duration fetchInterval, Duration retryInitial, Duration retryMax,
        Duration tick) {

    public static final Duration DEFAULT_FETCH_INTERVAL = Duration.ofMinutes(20);
    public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(30);

    public OcspCacheConfig {
        Objects.requireNonNull(directory, "directory");
        requirePositive(fetchInterval, "fetchInterval");
        requirePositive(retryInitial, "retryInitial");
        requirePositive(retryMax, "retryMax");
        requirePositive(tick, "tick");
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("retryMax must not be shorter than retryInitial");
        }
    }

    /** The defaults, with the responses in {@code dataDirectory/ocsp}. */
    public static OcspCacheConfig defaults(Path dataDirectory) {
        return new OcspCacheConfig(dataDirectory.resolve("ocsp"), DEFAULT_FETCH_INTERVAL, DEFAULT_RETRY_INITIAL,
                DEFAULT_RETRY_MAX, DEFAULT_TICK);
    }

    /** The wait before retry number {@code failures} (1 for the first): doubling, capped at {@link #retryMax}. */
    Duration retryDelay(int failures) {
        Duration delay = retryInitial;
        for (int i = 1; i < failures && delay.compareTo(retryMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
