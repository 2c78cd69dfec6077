// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after {@code n} failures in a row the base wait is
 * {@code initial × 2^(n-1)}, capped; the wait is drawn uniformly from the upper half of the base
 * ({@code [base/2, base]}), so that servers that failed together do not retry together.
 */
final class Backoff {

    private final Duration initial;
    private final Duration cap;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration cap, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The base wait after {@code failures} (at least 1) failures in a row, before jitter. */
    Duration base(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be positive");
        }
        int doublings = Math.min(failures - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis >= cap.toMillis() || millis < 0 ? cap : Duration.ofMillis(millis);
    }

    /** The wait after {@code failures} failures in a row, in {@code [base/2, base]}. */
    Duration delay(int failures) {
        long base = base(failures).toMillis();
        long half = base / 2;
        return Duration.ofMillis(half + random.nextLong(base - half + 1));
    }
}
