// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.log.EntryDigest;

/**
 * One data object of a logged message: its name in the manifest, its SHA-256, and its bytes unless
 * metadata-only logging dropped them.
 *
 * @param name    the manifest URI, e.g. {@code body}; not {@code mimetype} nor under {@code META-INF/}
 * @param sha256  the digest that the manifest lists (32 bytes; copied)
 * @param content the bytes, or empty when only the digest was kept
 *
 * <p><b>Pitfalls:</b> equality compares the name, the digest and whether the bytes were kept, not the
 * sources themselves.
 */
public record LoggedObject(String name, byte[] sha256, Optional<BodySource> content) {

    public LoggedObject {
        EntryDigest.requireSafeName(name);
        if (!AsicLayout.isDataObjectName(name)) {
            throw new IllegalArgumentException("a data object cannot be named " + name);
        }
        sha256 = new EntryDigest(name, sha256).sha256();
        Objects.requireNonNull(content, "content");
    }

    /** A kept data object in memory. */
    public static LoggedObject of(String name, byte[] bytes) {
        return new LoggedObject(name, EntryDigest.sha256(bytes), Optional.of(BodySource.of(bytes)));
    }

    /** A data object whose bytes were dropped. */
    public static LoggedObject digestOnly(String name, byte[] sha256) {
        return new LoggedObject(name, sha256, Optional.empty());
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The name and digest. */
    public EntryDigest digest() {
        return new EntryDigest(name, sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedObject that && name.equals(that.name) && Arrays.equals(sha256, that.sha256)
                && content.isPresent() == that.content.isPresent();
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "LoggedObject[" + name + (content.isPresent() ? "" : ", digest only") + "]";
    }
}
