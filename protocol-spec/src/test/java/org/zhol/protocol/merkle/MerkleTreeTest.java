// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

class MerkleTreeTest {

    /** RFC 9162 §2.1.1 MTH, written recursively as the RFC states it, as a reference. */
    static byte[] referenceRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleTree.nodeHash(referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, leaves.size())));
    }

    /** RFC 9162 §2.1.3.1 PATH, recursively. */
    static List<byte[]> referencePath(int m, List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return new ArrayList<>();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        List<byte[]> path;
        if (m < k) {
            path = referencePath(m, leaves.subList(0, k));
            path.add(referenceRoot(leaves.subList(k, leaves.size())));
        } else {
            path = referencePath(m - k, leaves.subList(k, leaves.size()));
            path.add(referenceRoot(leaves.subList(0, k)));
        }
        return path;
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void emptyLeafHashMatchesRfc6962TestVector() throws Exception {
        // The RFC 6962 / Certificate Transparency hash of the empty leaf.
        assertThat(HexFormat.of().formatHex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(MerkleTree.nodeHash(new byte[32], new byte[32])).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(concat(new byte[] {1}, new byte[64])));
    }

    @Test
    void rootsAndPathsMatchTheRfcDefinitionForSizesOneToForty() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            MerkleTree tree = new MerkleTree(leaves);
            assertThat(tree.root()).as("root of %d", n).isEqualTo(referenceRoot(leaves));
            for (int m = 0; m < n; m++) {
                InclusionProof proof = tree.proof(m);
                assertThat(proof.path()).as("path %d of %d", m, n).containsExactlyElementsOf(referencePath(m, leaves));
                MerkleTree.verifyInclusion(proof, leaves.get(m), tree.root());
            }
        }
    }

    @Test
    void aWrongRootIsReportedWithBothValues() {
        List<byte[]> leaves = leaves(5);
        MerkleTree tree = new MerkleTree(leaves);
        byte[] wrong = tree.root();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> MerkleTree.verifyInclusion(tree.proof(3), leaves.get(3), wrong))
                .isInstanceOfSatisfying(ZholException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HASH_CHAIN);
                    assertThat(e.detail()).contains(HexFormat.of().formatHex(tree.root()))
                            .contains(HexFormat.of().formatHex(wrong));
                });
    }

    @Test
    void aPathOfTheWrongLengthIsRejected() {
        List<byte[]> leaves = leaves(8);
        MerkleTree tree = new MerkleTree(leaves);
        InclusionProof proof = tree.proof(2);
        List<byte[]> longer = new ArrayList<>(proof.path());
        longer.add(new byte[32]);
        assertThatThrownBy(() -> MerkleTree.rootFromProof(new InclusionProof(2, 8, longer), leaves.get(2)))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HASH_CHAIN));
        assertThatThrownBy(() -> MerkleTree.rootFromProof(new InclusionProof(2, 8, proof.path().subList(0, 2)),
                leaves.get(2))).isInstanceOf(ZholException.class);
    }

    @Test
    void proofsAreValuesAndValidated() {
        MerkleTree tree = new MerkleTree(leaves(3));
        assertThat(tree.proof(1)).isEqualTo(new MerkleTree(leaves(3)).proof(1)).hasToString(
                "InclusionProof[leafIndex=1, treeSize=3, pathLength=2]");
        assertThatThrownBy(() -> new InclusionProof(3, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InclusionProof(0, 2, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleTree(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
