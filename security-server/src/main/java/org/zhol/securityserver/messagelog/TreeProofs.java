// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * Roots and proofs of any earlier size of the Merkle log, from its stored perfect-subtree nodes: the
 * RFC 9162 §2.1.3.1 inclusion proof ({@code PATH}) and §2.1.4.1 consistency proof ({@code PROOF}).
 * A range that is not a perfect subtree is split as RFC 9162 splits it, so every read is of a stored
 * node and a proof costs O(log² n) node reads at most.
 *
 * <p><b>Pitfalls:</b> the caller must only ask for sizes up to the current (durable) tree size; nodes
 * beyond it are not stored.
 */
public final class TreeProofs {

    private final TreeNodes nodes;

    public TreeProofs(TreeNodes nodes) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    /** The root hash of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        return size == 0 ? LeafHash.sha256(new byte[0]) : hash(0, size);
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
    public InclusionProof inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return new InclusionProof(index, size, path);
    }

    /**
     * The consistency proof from the tree of {@code from} leaves to that of {@code to} leaves: the hashes
     * that RFC 9162 {@code PROOF(from, D[to])} lists, in its order. Empty when {@code from} is 0 or equals
     * {@code to}.
     */
    public List<byte[]> consistency(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    /** PATH(m, D[lo:hi]), appending leaf side first. */
    private void path(long m, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, lo, lo + k, out);
            out.add(hash(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, out);
            out.add(hash(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b). */
    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(hash(lo, hi));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(hash(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]): a stored node when the range is a perfect subtree, else RFC 9162's split. */
    private byte[] hash(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.hash(level, lo >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return MerkleTree.nodeHash(hash(lo, lo + k), hash(lo + k, hi));
    }
}
