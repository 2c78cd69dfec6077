// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * What the log knows of a record's body.
 *
 * @param mode    whether the bytes were kept
 * @param storage where they are
 * @param length  the body's length in bytes, or {@value #UNKNOWN_LENGTH} when the body never passed
 *                through the log (only its digest was given: {@link OpenRecord#bodyDigest})
 * @param sha256  the SHA-256 digest of the body, computed as it streamed (what the manifest lists)
 */
public record BodyInfo(LogMode mode, Storage storage, long length, byte[] sha256) {

    /** Where a body's bytes are. */
    public enum Storage {
        /** Not kept ({@link LogMode#METADATA_ONLY}). */
        NONE,
        /** In the record's row. */
        INLINE,
        /** In its own file under the log's directory. */
        FILE
    }

    /** The length of a body the log never saw. */
    public static final long UNKNOWN_LENGTH = -1;

    public BodyInfo {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(sha256, "sha256");
        if (length < UNKNOWN_LENGTH || length == UNKNOWN_LENGTH && mode != LogMode.METADATA_ONLY
                || sha256.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("bad body length or digest");
        }
        if ((mode == LogMode.METADATA_ONLY) != (storage == Storage.NONE)) {
            throw new IllegalArgumentException("a body is dropped exactly when the mode is METADATA_ONLY");
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BodyInfo that && mode == that.mode && storage == that.storage
                && length == that.length && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, storage, length, Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return "BodyInfo[" + mode + ", " + storage + ", " + length + " bytes, " + HexFormat.of().formatHex(sha256) + "]";
    }
}
