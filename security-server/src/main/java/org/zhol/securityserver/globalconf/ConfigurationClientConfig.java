// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.id.IdentifierRules;

/**
 * Settings of the configuration client.
 *
 * @param instance        the instance of this server's owner; an anchor for another instance is refused
 * @param directory       where the anchor and the configuration are kept, e.g. {@code data/globalconf}
 * @param refreshInterval how often the configuration is downloaded; also the longest back-off. Default
 *                        {@value #DEFAULT_REFRESH_SECONDS} s
 * @param initialBackoff  the wait after the first failed attempt; it doubles with each further failure up to
 *                        {@code refreshInterval}. Default {@value #DEFAULT_INITIAL_BACKOFF_SECONDS} s
 * @param requestTimeout  the longest wait for one HTTP request, connecting included. Default
 *                        {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS} s
 */
public record ConfigurationClientConfig(String instance, Path directory, Duration refreshInterval,
        Duration initialBackoff, Duration requestTimeout) {

    /** Default of {@link #refreshInterval}, in seconds. */
    public static final int DEFAULT_REFRESH_SECONDS = 60;
    /** Default of {@link #initialBackoff}, in seconds. */
    public static final int DEFAULT_INITIAL_BACKOFF_SECONDS = 1;
    /** Default of {@link #requestTimeout}, in seconds. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;

    public ConfigurationClientConfig {
        IdentifierRules.code("xRoadInstance", instance);
        Objects.requireNonNull(directory, "directory");
        positive("refreshInterval", refreshInterval);
        positive("initialBackoff", initialBackoff);
        positive("requestTimeout", requestTimeout);
        if (initialBackoff.compareTo(refreshInterval) > 0) {
            throw new IllegalArgumentException("initialBackoff must not be longer than refreshInterval");
        }
    }

    /** The defaults for {@code instance}, keeping files in {@code directory}. */
    public static ConfigurationClientConfig defaults(String instance, Path directory) {
        return new ConfigurationClientConfig(instance, directory, Duration.ofSeconds(DEFAULT_REFRESH_SECONDS),
                Duration.ofSeconds(DEFAULT_INITIAL_BACKOFF_SECONDS), Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS));
    }

    /** These settings with another refresh interval (and the initial back-off capped by it). */
    public ConfigurationClientConfig withRefreshInterval(Duration interval) {
        Duration backoff = initialBackoff.compareTo(interval) > 0 ? interval : initialBackoff;
        return new ConfigurationClientConfig(instance, directory, interval, backoff, requestTimeout);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
