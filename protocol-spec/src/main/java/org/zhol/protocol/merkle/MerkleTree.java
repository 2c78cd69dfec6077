// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * An RFC 9162 (Certificate Transparency 2.0) Merkle tree over SHA-256: leaf hash
 * {@code H(0x00 || data)}, node hash {@code H(0x01 || left || right)}, and the RFC's shape for sizes
 * that are not a power of two (the left subtree holds the largest power of two below the size).
 *
 * <p>An instance holds every level of one tree, so that the root and each leaf's proof cost
 * O(log n) after an O(n) build. The static methods are pure functions.
 *
 * <p><b>Limits:</b> at most {@link #MAX_TREE_SIZE} leaves.
 *
 * <p><b>Pitfalls:</b> the constructor takes leaf <em>hashes</em> ({@link #leafHash}), not leaf data;
 * passing data would make the leaf and node domains collide.
 */
public final class MerkleTree {

    /** Limit: the largest tree this class builds or proves inclusion in. */
    public static final long MAX_TREE_SIZE = 1L << 32;
    /** SHA-256 output length. */
    public static final int HASH_LENGTH = 32;

    private final List<byte[][]> levels;

    /**
     * Builds the tree over {@code leafHashes} (each 32 bytes), in order.
     *
     * @throws IllegalArgumentException when there are no leaves or a hash has the wrong length
     */
    public MerkleTree(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        byte[][] level = new byte[leafHashes.size()][];
        for (int i = 0; i < level.length; i++) {
            byte[] leaf = leafHashes.get(i);
            if (leaf.length != HASH_LENGTH) {
                throw new IllegalArgumentException("a leaf hash must have 32 bytes");
            }
            level[i] = leaf.clone();
        }
        List<byte[][]> built = new ArrayList<>();
        built.add(level);
        MessageDigest sha256 = sha256();
        while (level.length > 1) {
            // Pairing left to right and promoting a lone last node unchanged gives RFC 9162's shape.
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? node(sha256, level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            built.add(up);
            level = up;
        }
        this.levels = List.copyOf(built);
    }

    /** The number of leaves. */
    public long size() {
        return levels.getFirst().length;
    }

    /** The tree head: the root hash. */
    public byte[] root() {
        return levels.getLast()[0].clone();
    }

    /** The inclusion proof of the leaf at {@code index}. */
    public InclusionProof proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int at = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = at ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            at >>= 1;
        }
        return new InclusionProof(index, size(), path);
    }

    /**
     * The hashes of this tree's perfect subtrees, for {@link MerkleProofs} and
     * {@link MerkleFrontier#of}.
     */
    public SubtreeHashes subtrees() {
        return (level, index) -> {
            if (level < 0 || level >= levels.size() || index < 0 || (index + 1) << level > size()) {
                throw new IllegalArgumentException("no perfect subtree at level " + level + ", index " + index);
            }
            return levels.get(level)[(int) index].clone();
        };
    }

    /**
     * The consistency proof from the tree of this tree's first {@code oldSize} leaves to this tree
     * (RFC 9162 §2.1.4.1).
     */
    public ConsistencyProof consistencyProof(long oldSize) {
        return MerkleProofs.consistencyProof(subtrees(), oldSize, size());
    }

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(data);
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return node(sha256(), left, right);
    }

    /** The root of the tree over {@code leafHashes}; a pure function. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        return new MerkleTree(leafHashes).root();
    }

    /**
     * The root that {@code proof} leads to from {@code leafHash} (RFC 9162 §2.1.3.2), without
     * comparing it with anything.
     *
     * @throws ZholException {@link ErrorCode#INVALID_HASH_CHAIN} when the path's length does not fit the
     *                       index and size
     */
    public static byte[] rootFromProof(InclusionProof proof, byte[] leafHash) {
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        byte[] r = leafHash.clone();
        MessageDigest sha256 = sha256();
        for (byte[] p : proof.path()) {
            if (sn == 0) {
                throw invalid("the audit path is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(sha256, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(sha256, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw invalid("the audit path is shorter than the tree is deep");
        }
        return r;
    }

    /**
     * Checks that {@code proof} leads from {@code leafHash} to {@code expectedRoot}, whatever tree size
     * it claims; see {@link #verifyInclusion(InclusionProof, byte[], byte[], long)}.
     *
     * @throws ZholException {@link ErrorCode#INVALID_HASH_CHAIN}, naming the computed and the expected
     *                       root, when it does not
     */
    public static void verifyInclusion(InclusionProof proof, byte[] leafHash, byte[] expectedRoot) {
        byte[] computed = rootFromProof(proof, leafHash);
        if (!MessageDigest.isEqual(computed, expectedRoot)) {
            HexFormat hex = HexFormat.of();
            throw invalid("the inclusion proof leads to root " + hex.formatHex(computed) + ", expected "
                    + hex.formatHex(expectedRoot));
        }
    }

    /**
     * Checks that {@code proof} is for a tree of {@code expectedTreeSize} leaves and leads from
     * {@code leafHash} to {@code expectedRoot}. Use this form: the size must be checked as well, since a
     * path can fit more than one tree size with the same computed root.
     *
     * @throws ZholException {@link ErrorCode#INVALID_HASH_CHAIN} when it does not
     */
    public static void verifyInclusion(InclusionProof proof, byte[] leafHash, byte[] expectedRoot,
            long expectedTreeSize) {
        if (proof.treeSize() != expectedTreeSize) {
            throw invalid("the inclusion proof is for a tree of " + proof.treeSize() + " leaves, expected "
                    + expectedTreeSize);
        }
        verifyInclusion(proof, leafHash, expectedRoot);
    }

    /**
     * Checks that {@code proof} is between trees of {@code oldSize} and {@code newSize} leaves and shows
     * the tree with root {@code newRoot} to extend the tree with root {@code oldRoot}. Use this form with
     * the sizes and roots of two signed checkpoints: a proof can fit other sizes with the same roots.
     *
     * @throws ZholException {@link ErrorCode#INVALID_HASH_CHAIN} when it does not
     */
    public static void verifyConsistency(ConsistencyProof proof, long oldSize, byte[] oldRoot, long newSize,
            byte[] newRoot) {
        if (proof.oldSize() != oldSize || proof.newSize() != newSize) {
            throw invalid("the consistency proof is from size " + proof.oldSize() + " to " + proof.newSize()
                    + ", expected " + oldSize + " to " + newSize);
        }
        verifyConsistency(proof, oldRoot, newRoot);
    }

    /**
     * Checks that {@code proof} shows the tree with root {@code newRoot} to extend the tree with root
     * {@code oldRoot} (RFC 9162 §2.1.4.2), at the sizes that the proof names; the caller must check
     * that those sizes are the ones its roots were signed with.
     *
     * @throws ZholException {@link ErrorCode#INVALID_HASH_CHAIN}, naming what failed, when it does not
     */
    public static void verifyConsistency(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        List<byte[]> path = new ArrayList<>(proof.path());
        if (proof.oldSize() == proof.newSize()) {
            if (!path.isEmpty()) {
                throw invalid("a consistency proof between equal sizes must be empty");
            }
            if (!MessageDigest.isEqual(oldRoot, newRoot)) {
                throw invalid("two trees of the same size have different roots");
            }
            return;
        }
        if (path.isEmpty()) {
            throw invalid("the consistency proof is empty");
        }
        if (Long.bitCount(proof.oldSize()) == 1) {
            path.addFirst(oldRoot);
        }
        long fn = proof.oldSize() - 1;
        long sn = proof.newSize() - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        MessageDigest sha256 = sha256();
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw invalid("the consistency proof is longer than the trees are deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(sha256, c, fr);
                sr = node(sha256, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sha256, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw invalid("the consistency proof is shorter than the trees are deep");
        }
        HexFormat hex = HexFormat.of();
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw invalid("the consistency proof leads to old root " + hex.formatHex(fr) + ", expected "
                    + hex.formatHex(oldRoot));
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw invalid("the consistency proof leads to new root " + hex.formatHex(sr) + ", expected "
                    + hex.formatHex(newRoot));
        }
    }

    private static ZholException invalid(String detail) {
        return ZholException.of(ErrorCode.INVALID_HASH_CHAIN, Origin.CLIENT, detail);
    }

    private static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size() + ", root=" + HexFormat.of().formatHex(levels.getLast()[0]) + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MerkleTree that && Arrays.equals(levels.getLast()[0], that.levels.getLast()[0])
                && size() == that.size();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels.getLast()[0]);
    }
}
