// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    /** A store as the message log keeps one: the completed subtree nodes, by level and index. */
    static final class NodeStore implements SubtreeHashes {
        final Map<String, byte[]> nodes = new HashMap<>();

        void put(List<MerkleFrontier.SubtreeNode> completed) {
            completed.forEach(n -> nodes.put(n.level() + "/" + n.index(), n.hash()));
        }

        @Override
        public byte[] hash(int level, long index) {
            byte[] hash = nodes.get(level + "/" + index);
            if (hash == null) {
                throw new IllegalArgumentException("no node " + level + "/" + index);
            }
            return hash;
        }
    }

    @Test
    void appendingGivesTheRootsProofsAndNodesOfTheFullTree() {
        List<byte[]> leaves = MerkleTreeTest.leaves(70);
        MerkleFrontier frontier = MerkleFrontier.EMPTY;
        NodeStore store = new NodeStore();
        for (int n = 1; n <= leaves.size(); n++) {
            MerkleFrontier.Appended appended = frontier.append(leaves.get(n - 1));
            store.put(appended.completed());
            frontier = appended.frontier();
            MerkleTree tree = new MerkleTree(leaves.subList(0, n));
            assertThat(frontier.size()).isEqualTo(n);
            assertThat(frontier.root()).isEqualTo(tree.root());
            assertThat(MerkleFrontier.decode(frontier.encode())).isEqualTo(frontier);
            assertThat(MerkleFrontier.of(store, n)).isEqualTo(frontier);
            assertThat(MerkleProofs.root(store, n)).isEqualTo(tree.root());
            for (int m = 1; m <= n; m++) {
                assertThat(MerkleProofs.consistencyProof(store, m, n)).isEqualTo(tree.consistencyProof(m));
                assertThat(MerkleProofs.inclusionProof(store, m - 1, n)).isEqualTo(tree.proof(m - 1));
            }
        }
        // Each append stores the leaf and one node per carry: 2n - popcount(n) nodes in all.
        assertThat(store.nodes).hasSize(2 * 70 - Long.bitCount(70));
    }

    @Test
    void theEmptyTreeHasNoRootAndBadEncodingsAreRejected() {
        assertThatThrownBy(MerkleFrontier.EMPTY::root).isInstanceOf(IllegalStateException.class);
        assertThat(MerkleFrontier.decode(MerkleFrontier.EMPTY.encode())).isEqualTo(MerkleFrontier.EMPTY);
        byte[] encoded = MerkleFrontier.EMPTY.append(new byte[32]).frontier().encode();
        assertThatThrownBy(() -> MerkleFrontier.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleFrontier(3, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.EMPTY.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
