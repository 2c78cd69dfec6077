// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * The root of a perfect subtree of the Merkle log: level 0 is a leaf hash, level {@code l} index
 * {@code i} covers leaves {@code [i * 2^l, (i + 1) * 2^l)}. Once written, a node never changes: the log
 * stores every one of them, so that any proof costs O(log n) node reads.
 *
 * @param level the height above the leaves, 0–63
 * @param index the position within the level
 * @param hash  the 32-byte hash
 */
public record TreeNode(int level, long index, byte[] hash) {

    public TreeNode {
        Objects.requireNonNull(hash, "hash");
        if (level < 0 || level > 63 || index < 0 || hash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("bad tree node " + level + "/" + index);
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode that && level == that.level && index == that.index
                && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * level + Long.hashCode(index);
    }

    @Override
    public String toString() {
        return "TreeNode[" + level + "/" + index + " " + HexFormat.of().formatHex(hash) + "]";
    }
}
