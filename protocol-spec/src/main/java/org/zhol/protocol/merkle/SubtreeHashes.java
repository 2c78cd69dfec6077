// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

/**
 * Read access to the hashes of <em>perfect</em> subtrees of one append-only tree: the subtree at
 * {@code level} and {@code index} covers leaves {@code [index * 2^level, (index + 1) * 2^level)}, and
 * level 0 holds the leaf hashes. Every root, inclusion proof and consistency proof of every size of
 * the tree is a function of these hashes ({@link MerkleProofs}), so a store that keeps them (for
 * example the nodes that {@link MerkleFrontier#append} reports) answers proofs in O(log n) reads.
 *
 * <p><b>Pitfalls:</b> a perfect subtree never changes once its last leaf is appended; asking for one
 * that is not complete yet is a caller error, and an implementation should throw.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /**
     * The hash of the perfect subtree at {@code level} and {@code index} (32 bytes).
     *
     * @throws IllegalArgumentException or a store's own exception when that subtree is not complete
     */
    byte[] hash(int level, long index);
}
