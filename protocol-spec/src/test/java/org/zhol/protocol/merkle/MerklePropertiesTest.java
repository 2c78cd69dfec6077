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

    @Property(tries = 300)
    void everyConsistencyProofVerifies(@ForAll @IntRange(min = 1, max = 600) int newSize,
            @ForAll @IntRange(min = 0) int pick) {
        List<byte[]> leaves = MerkleTreeTest.leaves(newSize);
        MerkleTree tree = new MerkleTree(leaves);
        int oldSize = 1 + pick % newSize;
        ConsistencyProof proof = tree.consistencyProof(oldSize);
        MerkleTree.verifyConsistency(proof, MerkleTree.rootOf(leaves.subList(0, oldSize)), tree.root());
        assertThat(proof.path()).hasSizeLessThanOrEqualTo(2 * (33 - Integer.numberOfLeadingZeros(newSize)));
    }

    @Property(tries = 300)
    void anyMutationOfAConsistencyProofFails(@ForAll @IntRange(min = 2, max = 300) int newSize,
            @ForAll @IntRange(min = 0) int pick, @ForAll @IntRange(min = 0, max = 5) int kind,
            @ForAll @IntRange(min = 0) int where) {
        List<byte[]> leaves = MerkleTreeTest.leaves(newSize);
        MerkleTree tree = new MerkleTree(leaves);
        int oldSize = 1 + pick % (newSize - 1);
        byte[] oldRoot = MerkleTree.rootOf(leaves.subList(0, oldSize));
        byte[] newRoot = tree.root();
        List<byte[]> path = new ArrayList<>(tree.consistencyProof(oldSize).path());
        ConsistencyProof mutated;
        switch (kind) {
            case 0 -> { // flip one bit of one hash
                byte[] hash = path.get(where % path.size());
                hash[where % 32] ^= (byte) (1 << (where % 8));
                mutated = new ConsistencyProof(oldSize, newSize, path);
            }
            case 1 -> { // drop a hash
                path.remove(where % path.size());
                mutated = new ConsistencyProof(oldSize, newSize, path);
            }
            case 2 -> { // add a hash
                path.add(where % (path.size() + 1), newRoot);
                mutated = new ConsistencyProof(oldSize, newSize, path);
            }
            case 3 -> { // claim another old size
                int other = 1 + (oldSize + where % (newSize - 1)) % (newSize - 1);
                Assume.that(other != oldSize);
                mutated = new ConsistencyProof(other, newSize, path);
            }
            case 4 -> { // claim another new size
                int other = oldSize + 1 + where % newSize;
                Assume.that(other != newSize);
                mutated = new ConsistencyProof(oldSize, other, path);
            }
            default -> { // a rewritten old leaf: the new tree no longer extends the old one
                List<byte[]> rewritten = new ArrayList<>(leaves);
                rewritten.set(where % oldSize, MerkleTree.leafHash(new byte[] {7}));
                MerkleTree other = new MerkleTree(rewritten);
                ConsistencyProof honest = other.consistencyProof(oldSize);
                assertThatThrownBy(() -> MerkleTree.verifyConsistency(honest, oldRoot, other.root()))
                        .isInstanceOf(ZholException.class);
                return;
            }
        }
        ConsistencyProof finalMutated = mutated;
        assertThatThrownBy(() -> MerkleTree.verifyConsistency(finalMutated, oldSize, oldRoot, newSize, newRoot))
                .isInstanceOf(ZholException.class);
    }
}
