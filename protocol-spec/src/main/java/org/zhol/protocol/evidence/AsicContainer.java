// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * A container as {@link AsicContainerReader} read it: the entry names in order, the SHA-256 of every
 * entry, and the bytes of the entries small enough to keep. Nothing in it is verified yet.
 */
public final class AsicContainer {

    private final List<String> names;
    private final Map<String, byte[]> digests;
    private final Map<String, byte[]> kept;

    AsicContainer(List<String> names, Map<String, byte[]> digests, Map<String, byte[]> kept) {
        this.names = List.copyOf(names);
        this.digests = new LinkedHashMap<>(digests);
        this.kept = new LinkedHashMap<>(kept);
    }

    /** The entry names, in the order of the ZIP. */
    public List<String> names() {
        return names;
    }

    /** Whether the container has an entry {@code name}. */
    public boolean has(String name) {
        return digests.containsKey(name);
    }

    /** The SHA-256 of entry {@code name}, if present; a copy. */
    public Optional<byte[]> sha256(String name) {
        return Optional.ofNullable(digests.get(name)).map(byte[]::clone);
    }

    /** The bytes of entry {@code name}, if present and kept; a copy. */
    public Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(kept.get(name)).map(byte[]::clone);
    }

    /**
     * The bytes of a required entry.
     *
     * @throws ZholException {@code MalformedEvidence} when it is missing
     */
    public byte[] require(String name) {
        return bytes(name).orElseThrow(() -> ZholException.client(ErrorCode.MALFORMED_EVIDENCE,
                "The container has no " + name));
    }

    @Override
    public String toString() {
        return "AsicContainer" + names;
    }
}
