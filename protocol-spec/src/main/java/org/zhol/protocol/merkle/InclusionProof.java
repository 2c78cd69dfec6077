// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 inclusion proof: the leaf's index, the tree size and the audit path (sibling hashes
 * from the leaf up to the root).
 *
 * <p><b>Limits:</b> {@link MerkleTree#MAX_TREE_SIZE} leaves, hence at most
 * {@link #MAX_PATH_LENGTH} hashes of {@link MerkleTree#HASH_LENGTH} bytes each.
 *
 * <p><b>Pitfalls:</b> a proof says nothing by itself: check it with
 * {@link MerkleTree#verifyInclusion} against a root that was verified some other way (a signature).
 *
 * @param leafIndex the zero-based index of the leaf, less than {@code treeSize}
 * @param treeSize  the number of leaves in the tree
 * @param path      the audit path, leaf level first; the list and the arrays are copied
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    /** Limit: the longest audit path, that of a tree of {@link MerkleTree#MAX_TREE_SIZE} leaves. */
    public static final int MAX_PATH_LENGTH = 40;

    public InclusionProof {
        if (treeSize < 1 || treeSize > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range: " + treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " not in a tree of " + treeSize);
        }
        Objects.requireNonNull(path, "path");
        if (path.size() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("audit path too long: " + path.size());
        }
        path = path.stream().map(h -> {
            if (h.length != MerkleTree.HASH_LENGTH) {
                throw new IllegalArgumentException("an audit path hash must have 32 bytes");
            }
            return h.clone();
        }).toList();
    }

    /** The audit path; the arrays are copies. */
    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof InclusionProof that) || leafIndex != that.leafIndex || treeSize != that.treeSize
                || path.size() != that.path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!java.util.Arrays.equals(path.get(i), that.path.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(leafIndex) * 31 + Long.hashCode(treeSize);
        for (byte[] h : path) {
            hash = hash * 31 + java.util.Arrays.hashCode(h);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", pathLength=" + path.size()
                + "]";
    }
}
