// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed directory of one configuration generation ({@code directory.json}): what it is for,
 * when it was made, until when it may be used, and the SHA-256 of each part.
 *
 * @param instance    the instance it is for
 * @param generation  the generation serial; it grows by at least one with every published generation
 * @param generatedAt when the central server generated it
 * @param expiresAt   the first instant at which it must no longer be used
 * @param parts       the parts, names unique
 */
public record GlobalConfDirectory(String instance, long generation, Instant generatedAt, Instant expiresAt,
        List<PartReference> parts) {

    /** The format version written and accepted. */
    public static final int FORMAT_VERSION = 1;

    public GlobalConfDirectory {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        parts = List.copyOf(parts);
        if (generation < 1) {
            throw GlobalConfFaults.malformed("The generation must be positive");
        }
        if (!expiresAt.isAfter(generatedAt)) {
            throw GlobalConfFaults.malformed("The directory expires before it was generated");
        }
        ConfigurationRules.unique("part name", parts.stream().map(PartReference::name).toList());
    }

    /** The part named {@code name}. */
    public Optional<PartReference> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
