// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes that show that the tree of {@code newSize} leaves
 * extends the tree of {@code oldSize} leaves (the first {@code oldSize} leaves are unchanged).
 *
 * <p><b>Limits:</b> sizes from 1 to {@link MerkleTree#MAX_TREE_SIZE}; at most {@link #MAX_PATH_LENGTH}
 * hashes of {@link MerkleTree#HASH_LENGTH} bytes.
 *
 * <p><b>Pitfalls:</b> a proof shows nothing by itself: check it with {@link MerkleTree#verifyConsistency}
 * against two roots that were verified some other way (two signed checkpoints of the same log).
 *
 * @param oldSize the size of the earlier tree, at least 1
 * @param newSize the size of the later tree, at least {@code oldSize}
 * @param path    the proof's hashes in RFC order; the list and the arrays are copied
 */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> path) {

    /** Limit: more hashes than a proof between any two sizes up to 2^32 needs. */
    public static final int MAX_PATH_LENGTH = 64;

    public ConsistencyProof {
        if (oldSize < 1 || oldSize > MerkleTree.MAX_TREE_SIZE || newSize < oldSize
                || newSize > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree sizes out of range: " + oldSize + " -> " + newSize);
        }
        Objects.requireNonNull(path, "path");
        if (path.size() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("consistency path too long: " + path.size());
        }
        path = path.stream().map(h -> {
            if (h.length != MerkleTree.HASH_LENGTH) {
                throw new IllegalArgumentException("a consistency path hash must have 32 bytes");
            }
            return h.clone();
        }).toList();
    }

    /** The proof's hashes; the arrays are copies. */
    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ConsistencyProof that) || oldSize != that.oldSize || newSize != that.newSize
                || path.size() != that.path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!Arrays.equals(path.get(i), that.path.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(oldSize) * 31 + Long.hashCode(newSize);
        for (byte[] h : path) {
            hash = hash * 31 + Arrays.hashCode(h);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "ConsistencyProof[" + oldSize + " -> " + newSize + ", pathLength=" + path.size() + "]";
    }
}
