// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.Objects;

/**
 * One entry of a configuration directory: a part's name, where to get it, and its SHA-256.
 *
 * @param name     what the part is, e.g. {@code shared-params.json}; unique within a directory
 * @param location where it is, relative to the directory's URL; a single path segment
 * @param sha256   the SHA-256 of the part's bytes, as 64 lower-case hex digits
 */
public record PartReference(String name, String location, String sha256) {

    /** The allowed form of a name and a location: one safe path segment. */
    public static final String SEGMENT_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    public PartReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
        if (!name.matches(SEGMENT_PATTERN) || !location.matches(SEGMENT_PATTERN)) {
            throw GlobalConfFaults.malformed("A part name or location is not a single safe path segment");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw GlobalConfFaults.malformed("A part hash must be 64 lower-case hex digits");
        }
    }
}
