// SPDX-License-Identifier: MIT
package org.zhol.protocol.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Runs {@code vectors/merkle/consistency.json}: RFC 9162 consistency proofs over the RFC 6962 test
 * leaves, written by an independent implementation ({@code generate.py}), and systematic mutations.
 */
class ConsistencyVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static JsonNode vectors() throws IOException {
        try (InputStream in = ConsistencyVectorsTest.class.getResourceAsStream("/vectors/merkle/consistency.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<JsonNode> cases() throws IOException {
        return StreamSupport.stream(vectors().get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(JsonNode c) {
        List<byte[]> path = new ArrayList<>();
        c.get("path").forEach(h -> path.add(HEX.parseHex(h.textValue())));
        ConsistencyProof proof = new ConsistencyProof(c.get("oldSize").longValue(), c.get("newSize").longValue(),
                path);
        byte[] oldRoot = HEX.parseHex(c.get("oldRoot").textValue());
        byte[] newRoot = HEX.parseHex(c.get("newRoot").textValue());
        if ("ok".equals(c.get("expect").textValue())) {
            MerkleTree.verifyConsistency(proof, oldRoot, newRoot);
        } else {
            assertThatThrownBy(() -> MerkleTree.verifyConsistency(proof, oldRoot, newRoot))
                    .isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.code().camel()).isEqualTo(c.get("expect").textValue()));
        }
    }

    @Test
    void ourProofsAndRootsEqualTheVectors() throws IOException {
        JsonNode vectors = vectors();
        List<byte[]> leaves = new ArrayList<>();
        vectors.get("leaves").forEach(l -> leaves.add(MerkleTree.leafHash(HEX.parseHex(l.textValue()))));
        for (int n = 1; n <= leaves.size(); n++) {
            MerkleTree tree = new MerkleTree(leaves.subList(0, n));
            assertThat(HEX.formatHex(tree.root())).isEqualTo(vectors.get("roots").get(n - 1).textValue());
        }
        int checked = 0;
        for (JsonNode c : vectors.get("cases")) {
            if (!c.get("name").textValue().startsWith("ok-")) {
                continue;
            }
            MerkleTree tree = new MerkleTree(leaves.subList(0, c.get("newSize").intValue()));
            List<String> ours = tree.consistencyProof(c.get("oldSize").longValue()).path().stream()
                    .map(HEX::formatHex).toList();
            List<String> expected = new ArrayList<>();
            c.get("path").forEach(h -> expected.add(h.textValue()));
            assertThat(ours).as(c.get("name").textValue()).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isEqualTo(36);
    }
}
