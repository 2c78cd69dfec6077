// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exponential back-off with jitter, capped at the refresh interval. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));

    @Test
    void theBaseDoublesUpToTheCap() {
        assertThat(backoff.base(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.base(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.base(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.base(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.base(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theDelayIsJitteredInTheUpperHalfOfTheBase() {
        for (int failures = 1; failures < 12; failures++) {
            long base = backoff.base(failures).toMillis();
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delay(failures).toMillis()).isBetween(base / 2, base);
            }
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(8)).distinct().count())
                .as("jitter").isGreaterThan(1);
    }
}
