// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * A checkpoint of one security server's message log: the log (named by the server id), its size, the
 * RFC 9162 root of its first {@code treeSize} leaves, and the time the server signed it. Its canonical
 * bytes ({@link #encode}) are what the owner member's signing key signs ({@link CheckpointSigner}):
 * <pre>
 * zhol-checkpoint/1
 * DEV/GOV/1234/SS1
 * 42
 * base64 root hash
 * 2026-01-01T00:00:00Z
 * </pre>
 *
 * <p><b>Limits:</b> {@link #MAX_BYTES}; sizes from 1 to {@link MerkleTree#MAX_TREE_SIZE}; the time in
 * whole seconds (it must equal the CMS signing-time).
 *
 * <p><b>Pitfalls:</b> a decoded checkpoint is not trusted: verify the signature over the received
 * bytes first ({@link CheckpointVerifier}).
 *
 * @param logId    the security server whose log this is
 * @param treeSize the number of leaves
 * @param rootHash the root hash (32 bytes; copied)
 * @param time     when the checkpoint was signed (truncated to seconds)
 */
public record Checkpoint(SecurityServerId logId, long treeSize, byte[] rootHash, Instant time) {

    /** The first line of every checkpoint. */
    public static final String FORMAT = "zhol-checkpoint/1";
    /** Limit: the longest checkpoint decoded. */
    public static final int MAX_BYTES = 1024;

    public Checkpoint {
        Objects.requireNonNull(logId, "logId");
        if (treeSize < 1 || treeSize > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range: " + treeSize);
        }
        if (rootHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The root hash; a copy. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The canonical bytes. */
    public byte[] encode() {
        return LogText.bytes(List.of(FORMAT, logId.toPath(), Long.toString(treeSize), LogText.base64(rootHash),
                DateTimeFormatter.ISO_INSTANT.format(time)));
    }

    /**
     * Reads canonical checkpoint bytes.
     *
     * @throws ZholException {@code MalformedHashChain} when they are not one
     */
    public static Checkpoint decode(byte[] bytes) {
        List<String> lines = LogText.lines(bytes, MAX_BYTES, "checkpoint");
        if (lines.size() != 5 || !FORMAT.equals(lines.getFirst())) {
            throw LogText.malformed("The checkpoint does not have the five lines of " + FORMAT);
        }
        Checkpoint checkpoint = LogText.parse("checkpoint", () -> new Checkpoint(SecurityServerId.parse(lines.get(1)),
                LogText.number(lines.get(2), 1, MerkleTree.MAX_TREE_SIZE, "tree size"),
                LogText.sha256(lines.get(3), "root hash"), Instant.parse(lines.get(4))));
        LogText.requireCanonical(bytes, checkpoint.encode(), "checkpoint");
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && logId.equals(that.logId) && treeSize == that.treeSize
                && time.equals(that.time) && MessageDigest.isEqual(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(logId, treeSize, time, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "Checkpoint[" + logId + ", size=" + treeSize + ", root=" + LogText.base64(rootHash) + ", " + time + "]";
    }
}
