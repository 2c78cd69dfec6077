// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.merkle.ConsistencyProof;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * The canonical text of a {@link ConsistencyProof}, as the admin API serves it and the verifier reads
 * it. Pure functions.
 * <pre>
 * zhol-consistency-proof/1
 * 5
 * 8
 * base64 hash (one line each, in RFC order)
 * </pre>
 *
 * <p><b>Limits:</b> {@link ConsistencyProof#MAX_PATH_LENGTH} hashes, {@link #MAX_BYTES}.
 */
public final class ConsistencyProofCodec {

    /** The first line. */
    public static final String FORMAT = "zhol-consistency-proof/1";
    /** Limit: the longest proof decoded. */
    public static final int MAX_BYTES = 4096;

    private ConsistencyProofCodec() {
    }

    /** The canonical bytes of {@code proof}. */
    public static byte[] encode(ConsistencyProof proof) {
        List<String> lines = new ArrayList<>(List.of(FORMAT, Long.toString(proof.oldSize()),
                Long.toString(proof.newSize())));
        proof.path().forEach(h -> lines.add(LogText.base64(h)));
        return LogText.bytes(lines);
    }

    /**
     * Reads canonical proof bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedHashChain} when they are not one
     */
    public static ConsistencyProof decode(byte[] bytes) {
        List<String> lines = LogText.lines(bytes, MAX_BYTES, "consistency proof");
        if (lines.size() < 3 || lines.size() > 3 + ConsistencyProof.MAX_PATH_LENGTH
                || !FORMAT.equals(lines.getFirst())) {
            throw LogText.malformed("The consistency proof does not have the lines of " + FORMAT);
        }
        List<byte[]> path = new ArrayList<>();
        for (String line : lines.subList(3, lines.size())) {
            path.add(LogText.sha256(line, "consistency proof hash"));
        }
        ConsistencyProof proof = LogText.parse("consistency proof", () -> new ConsistencyProof(
                LogText.number(lines.get(1), 1, MerkleTree.MAX_TREE_SIZE, "old size"),
                LogText.number(lines.get(2), 1, MerkleTree.MAX_TREE_SIZE, "new size"), path));
        LogText.requireCanonical(bytes, encode(proof), "consistency proof");
        return proof;
    }
}
