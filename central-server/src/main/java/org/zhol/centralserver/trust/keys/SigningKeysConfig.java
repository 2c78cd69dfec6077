// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the configuration signing keys live and the timing of their rotation.
 *
 * @param directory           the keys directory, e.g. {@code data/keys}
 * @param futureNotice        how long a FUTURE key must have been published before it may become ACTIVE
 *                            (default {@link #DEFAULT_FUTURE_NOTICE}): security servers holding only the old
 *                            anchor learn the key from generations published in this time
 * @param retiredGrace        how long a RETIRED key stays published (default {@link #DEFAULT_RETIRED_GRACE})
 * @param certificateValidity how long a new key's certificate is valid (default
 *                            {@link #DEFAULT_CERTIFICATE_VALIDITY})
 */
public record SigningKeysConfig(Path directory, Duration futureNotice, Duration retiredGrace,
        Duration certificateValidity) {

    public static final Duration DEFAULT_FUTURE_NOTICE = Duration.ofHours(24);
    public static final Duration DEFAULT_RETIRED_GRACE = Duration.ofHours(24);
    public static final Duration DEFAULT_CERTIFICATE_VALIDITY = Duration.ofDays(20 * 365);

    public SigningKeysConfig {
        Objects.requireNonNull(directory, "directory");
        requireNotNegative(futureNotice, "futureNotice");
        requireNotNegative(retiredGrace, "retiredGrace");
        requireNotNegative(certificateValidity, "certificateValidity");
        if (certificateValidity.isZero()) {
            throw new IllegalArgumentException("certificateValidity must be positive");
        }
    }

    /** The defaults, with keys in {@code dataDirectory/keys}. */
    public static SigningKeysConfig defaults(Path dataDirectory) {
        return new SigningKeysConfig(dataDirectory.resolve("keys"), DEFAULT_FUTURE_NOTICE, DEFAULT_RETIRED_GRACE,
                DEFAULT_CERTIFICATE_VALIDITY);
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
