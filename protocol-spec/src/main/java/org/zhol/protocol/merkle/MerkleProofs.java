// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of an append-only RFC 9162 tree of any size, computed from the hashes of its
 * perfect subtrees ({@link SubtreeHashes}): O(log n) subtree reads each. Pure functions.
 *
 * <p>The RFC defines {@code MTH}, {@code PATH} and {@code SUBPROOF} over lists of leaves; every list
 * they recurse into starts at a multiple of the largest power of two not above its length, so its
 * hash is the right-to-left fold of the perfect subtrees that the binary digits of its length name.
 *
 * <p><b>Limits:</b> sizes up to {@link MerkleTree#MAX_TREE_SIZE}.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** The root hash of the first {@code size} leaves (RFC 9162 §2.1.1 {@code MTH}). */
    public static byte[] root(SubtreeHashes tree, long size) {
        requireSize(size);
        return range(tree, 0, size);
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves (§2.1.3.1). */
    public static InclusionProof inclusionProof(SubtreeHashes tree, long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long start = 0;
        long end = size;
        List<byte[]> reversed = new ArrayList<>();
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index - start < k) {
                reversed.add(range(tree, start + k, end));
                end = start + k;
            } else {
                reversed.add(range(tree, start, start + k));
                start = start + k;
            }
        }
        // The RFC appends each sibling after the deeper path, so the deepest sibling comes first.
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return new InclusionProof(index, size, path);
    }

    /**
     * The consistency proof from the tree of the first {@code oldSize} leaves to the tree of the first
     * {@code newSize} (RFC 9162 §2.1.4.1 {@code PROOF(m, D[n])}); empty when the sizes are equal.
     */
    public static ConsistencyProof consistencyProof(SubtreeHashes tree, long oldSize, long newSize) {
        requireSize(oldSize);
        requireSize(newSize);
        if (oldSize > newSize) {
            throw new IllegalArgumentException("old size " + oldSize + " is larger than new size " + newSize);
        }
        List<byte[]> reversed = new ArrayList<>();
        long m = oldSize;
        long start = 0;
        long end = newSize;
        boolean complete = true;
        // SUBPROOF(m, D[start:end], complete), unrolled: each step adds the sibling after the deeper part.
        while (m != end - start) {
            long k = Long.highestOneBit(end - start - 1);
            if (m <= k) {
                reversed.add(range(tree, start + k, end));
                end = start + k;
            } else {
                reversed.add(range(tree, start, start + k));
                m -= k;
                start += k;
                complete = false;
            }
        }
        List<byte[]> path = new ArrayList<>();
        if (!complete) {
            path.add(range(tree, start, end));
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return new ConsistencyProof(oldSize, newSize, path);
    }

    /**
     * {@code MTH(D[start:end])} for a range that starts at a multiple of the largest power of two not
     * above its length, as every range in the RFC's recursions does.
     */
    static byte[] range(SubtreeHashes tree, long start, long end) {
        List<byte[]> parts = new ArrayList<>();
        long at = start;
        while (at < end) {
            int level = Long.numberOfTrailingZeros(at == 0 ? Long.highestOneBit(end - at) : at);
            while (at + (1L << level) > end) {
                level--;
            }
            parts.add(tree.hash(level, at >> level));
            at += 1L << level;
        }
        byte[] hash = parts.getLast();
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(parts.get(i), hash);
        }
        return hash;
    }

    private static void requireSize(long size) {
        if (size < 1 || size > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range: " + size);
        }
    }
}
