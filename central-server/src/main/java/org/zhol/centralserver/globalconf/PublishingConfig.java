// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.IdentifierRules;

/**
 * What the configuration publisher needs to know.
 *
 * @param instance     the instance whose configuration is published, e.g. {@code DEV}
 * @param directory    where generations are stored, e.g. {@code data/globalconf}; they go under
 *                     {@code v1/{instance}/{generation}/}
 * @param interval     how often to check whether a new generation is needed (default
 *                     {@link #DEFAULT_INTERVAL})
 * @param downloadUrls the base URLs of the configuration download listeners, as exported in the anchor, in
 *                     order of preference; at least one
 */
public record PublishingConfig(String instance, Path directory, Duration interval, List<URI> downloadUrls) {

    /** Check every 60 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public PublishingConfig {
        IdentifierRules.code("xRoadInstance", instance);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        downloadUrls = List.copyOf(downloadUrls);
        if (downloadUrls.isEmpty()) {
            throw new IllegalArgumentException("the anchor needs at least one download URL");
        }
    }

    /** The defaults, storing generations in {@code dataDirectory/globalconf}. */
    public static PublishingConfig defaults(String instance, Path dataDirectory, List<URI> downloadUrls) {
        return new PublishingConfig(instance, dataDirectory.resolve("globalconf"), DEFAULT_INTERVAL, downloadUrls);
    }
}
