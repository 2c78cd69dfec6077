// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The compact state of an append-only RFC 9162 tree: its size and the roots of the perfect subtrees
 * along its right edge (one per set bit of the size, largest first). Appending a leaf costs O(log n)
 * hashes, and the root of the current size costs O(log n) more. A store persists this small value
 * ({@link #encode}) next to the leaves and, to answer proofs, the subtree nodes that each
 * {@link #append} completes ({@link Appended#completed}).
 *
 * <p><b>Limits:</b> up to {@link MerkleTree#MAX_TREE_SIZE} leaves; {@link #encode} is at most
 * {@code 8 + 33 * 32} bytes.
 *
 * <p><b>Pitfalls:</b> the value is immutable: {@link #append} returns a new frontier. The empty tree
 * has no root.
 *
 * @param size  the number of leaves
 * @param roots the perfect subtree roots, largest first; exactly {@code Long.bitCount(size)} of them
 */
public record MerkleFrontier(long size, List<byte[]> roots) {

    /** The empty tree. */
    public static final MerkleFrontier EMPTY = new MerkleFrontier(0, List.of());

    public MerkleFrontier {
        if (size < 0 || size > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range: " + size);
        }
        Objects.requireNonNull(roots, "roots");
        if (roots.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " right-edge subtrees, not " + roots.size());
        }
        roots = roots.stream().map(h -> {
            if (h.length != MerkleTree.HASH_LENGTH) {
                throw new IllegalArgumentException("a subtree hash must have 32 bytes");
            }
            return h.clone();
        }).toList();
    }

    /** A subtree hash that an append completed: store it to answer proofs later. */
    public record SubtreeNode(int level, long index, byte[] hash) {

        public SubtreeNode {
            if (level < 0 || level > 32 || index < 0) {
                throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
            }
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SubtreeNode that && level == that.level && index == that.index
                    && Arrays.equals(hash, that.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, index, Arrays.hashCode(hash));
        }

        @Override
        public String toString() {
            return "SubtreeNode[" + level + "/" + index + "=" + HexFormat.of().formatHex(hash) + "]";
        }
    }

    /**
     * The result of an append.
     *
     * @param frontier  the new state
     * @param completed the perfect subtrees that the new leaf completed, leaf level first (the leaf
     *                  itself at level 0 is the first)
     */
    public record Appended(MerkleFrontier frontier, List<SubtreeNode> completed) {

        public Appended {
            Objects.requireNonNull(frontier, "frontier");
            completed = List.copyOf(completed);
        }
    }

    /** The roots; the arrays are copies. */
    @Override
    public List<byte[]> roots() {
        return roots.stream().map(byte[]::clone).toList();
    }

    /** Appends one leaf hash ({@link MerkleTree#leafHash}). */
    public Appended append(byte[] leafHash) {
        if (leafHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("a leaf hash must have 32 bytes");
        }
        if (size == MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalStateException("the tree is full");
        }
        List<byte[]> next = new ArrayList<>(roots);
        List<SubtreeNode> completed = new ArrayList<>();
        byte[] carry = leafHash.clone();
        completed.add(new SubtreeNode(0, size, carry));
        for (int level = 0; (size >> level & 1) == 1; level++) {
            carry = MerkleTree.nodeHash(next.removeLast(), carry);
            completed.add(new SubtreeNode(level + 1, size >> (level + 1), carry));
        }
        next.add(carry);
        return new Appended(new MerkleFrontier(size + 1, next), completed);
    }

    /**
     * The root hash of the tree of {@link #size} leaves.
     *
     * @throws IllegalStateException when the tree is empty
     */
    public byte[] root() {
        if (size == 0) {
            throw new IllegalStateException("the empty tree has no root");
        }
        byte[] hash = roots.getLast();
        for (int i = roots.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(roots.get(i), hash);
        }
        return hash.clone();
    }

    /** Rebuilds the frontier of the first {@code size} leaves from stored subtree hashes. */
    public static MerkleFrontier of(SubtreeHashes tree, long size) {
        List<byte[]> roots = new ArrayList<>();
        long at = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                roots.add(tree.hash(level, at >> level));
                at += 1L << level;
            }
        }
        return new MerkleFrontier(size, roots);
    }

    /** A compact binary form: the size (8 bytes, big-endian), then the roots, 32 bytes each. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(8 + roots.size() * MerkleTree.HASH_LENGTH);
        out.putLong(size);
        roots.forEach(out::put);
        return out.array();
    }

    /**
     * Reads {@link #encode}'s form.
     *
     * @throws IllegalArgumentException when the bytes are not exactly one frontier
     */
    public static MerkleFrontier decode(byte[] bytes) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("a frontier has at least 8 bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long size = in.getLong();
        if (size < 0 || size > MerkleTree.MAX_TREE_SIZE
                || bytes.length != 8 + Long.bitCount(size) * MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("not a frontier encoding");
        }
        List<byte[]> roots = new ArrayList<>();
        for (int i = 0; i < Long.bitCount(size); i++) {
            byte[] hash = new byte[MerkleTree.HASH_LENGTH];
            in.get(hash);
            roots.add(hash);
        }
        return new MerkleFrontier(size, roots);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MerkleFrontier that) || size != that.size) {
            return false;
        }
        for (int i = 0; i < roots.size(); i++) {
            if (!MessageDigest.isEqual(roots.get(i), that.roots.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(size);
        for (byte[] root : roots) {
            hash = hash * 31 + Arrays.hashCode(root);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "MerkleFrontier[size=" + size + ", subtrees=" + roots.size() + "]";
    }
}
