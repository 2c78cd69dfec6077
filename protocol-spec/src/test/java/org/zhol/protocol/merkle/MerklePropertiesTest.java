// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zhol.protocol.error.ZholException;

class MerklePropertiesTest {

    @Property(tries = 300)
    void everyProofVerifies(@ForAll @IntRange(min = 1, max = 600) int size, @ForAll @IntRange(min = 0) int pick) {
        List<byte[]> leaves = MerkleTreeTest.leaves(size);
        MerkleTree tree = new MerkleTree(leaves);
        int index = pick % size;
        InclusionProof proof = tree.proof(index);
        assertThat(MerkleTree.rootFromProof(proof, leaves.get(index))).isEqualTo(tree.root());
        assertThat(proof.path()).hasSizeLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(size));
    }

    @Property(tries = 300)
    void anyMutationOfAProofFails(@ForAll @IntRange(min = 2, max = 300) int size, @ForAll @IntRange(min = 0) int pick,
            @ForAll @IntRange(min = 0, max = 4) int kind, @ForAll @IntRange(min = 0) int where) {
        List<byte[]> leaves = MerkleTreeTest.leaves(size);
        MerkleTree tree = new MerkleTree(leaves);
        int index = pick % size;
        InclusionProof proof = tree.proof(index);
        List<byte[]> path = new ArrayList<>(proof.path());
        InclusionProof mutated;
        switch (kind) {
            case 0 -> { // flip one bit of one path hash
                byte[] hash = path.get(where % path.size());
                hash[where % 32] ^= (byte) (1 << (where % 8));
                mutated = new InclusionProof(index, size, path);
            }
            case 1 -> mutated = new InclusionProof((index + 1 + where % (size - 1)) % size, size, path);
            case 2 -> { // drop a hash
                path.remove(where % path.size());
                mutated = new InclusionProof(index, size, path);
            }
            case 3 -> { // add a hash
                path.add(where % (path.size() + 1), tree.root());
                mutated = new InclusionProof(index, size, path);
            }
            default -> { // another tree size
                long other = 1 + (size + where % size) % (2L * size);
                Assume.that(other != size && index < other);
                mutated = new InclusionProof(index, other, path);
            }
        }
        InclusionProof finalMutated = mutated;
        assertThatThrownBy(() -> MerkleTree.verifyInclusion(finalMutated, leaves.get(index), tree.root(), size))
                .isInstanceOf(ZholException.class);
    }
}
