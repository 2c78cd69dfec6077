// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * The right edge of the append-only Merkle log: the roots of the perfect subtrees that make up a tree
 * of {@code size} leaves, largest (leftmost) first, one per set bit of the size. It is all the log needs
 * in memory to append and to compute the root; a restart reloads it from the stored nodes
 * ({@link #load}).
 *
 * @param size  the number of leaves
 * @param nodes the perfect subtrees, leftmost first
 */
public record TreeFrontier(long size, List<TreeNode> nodes) {

    /** The empty log. */
    public static final TreeFrontier EMPTY = new TreeFrontier(0, List.of());

    /**
     * The result of an append.
     *
     * @param frontier the tree after it
     * @param written  every node that became complete, leaves included, to be stored with the records
     */
    public record Appended(TreeFrontier frontier, List<TreeNode> written) {
        public Appended {
            Objects.requireNonNull(frontier, "frontier");
            written = List.copyOf(written);
        }
    }

    public TreeFrontier {
        nodes = List.copyOf(nodes);
        List<long[]> expected = decomposition(size);
        if (expected.size() != nodes.size()) {
            throw new IllegalArgumentException("a frontier of " + size + " leaves has " + expected.size() + " nodes");
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).level() != expected.get(i)[0] || nodes.get(i).index() != expected.get(i)[1]) {
                throw new IllegalArgumentException("node " + i + " of the frontier is misplaced");
            }
        }
    }

    /**
     * The (level, index) of each perfect subtree of a tree of {@code size} leaves, leftmost first.
     */
    public static List<long[]> decomposition(long size) {
        if (size < 0 || size > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalArgumentException("tree size out of range: " + size);
        }
        List<long[]> parts = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                parts.add(new long[] {level, start >>> level});
                start += width;
            }
        }
        return parts;
    }

    /** The frontier of a tree of {@code size} leaves, read from the stored nodes. */
    public static TreeFrontier load(long size, TreeNodes stored) {
        List<TreeNode> nodes = new ArrayList<>();
        for (long[] part : decomposition(size)) {
            nodes.add(new TreeNode((int) part[0], part[1], stored.hash((int) part[0], part[1])));
        }
        return new TreeFrontier(size, nodes);
    }

    /** The RFC 9162 root hash; for the empty tree, SHA-256 of nothing. */
    public byte[] root() {
        if (nodes.isEmpty()) {
            return LeafHash.sha256(new byte[0]);
        }
        byte[] root = nodes.getLast().hash();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(nodes.get(i).hash(), root);
        }
        return root;
    }

    /** This tree with {@code leafHashes} appended, in order, and the nodes that became complete. */
    public Appended append(List<byte[]> leafHashes) {
        if (size + leafHashes.size() > MerkleTree.MAX_TREE_SIZE) {
            throw new IllegalStateException("the log is full");
        }
        List<TreeNode> stack = new ArrayList<>(nodes);
        List<TreeNode> written = new ArrayList<>(2 * leafHashes.size());
        long next = size;
        for (byte[] leafHash : leafHashes) {
            TreeNode node = new TreeNode(0, next++, leafHash);
            written.add(node);
            while (!stack.isEmpty() && stack.getLast().level() == node.level()) {
                TreeNode left = stack.removeLast();
                node = new TreeNode(node.level() + 1, left.index() >>> 1, MerkleTree.nodeHash(left.hash(), node.hash()));
                written.add(node);
            }
            stack.add(node);
        }
        return new Appended(new TreeFrontier(next, stack), written);
    }
}
