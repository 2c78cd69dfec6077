// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.time.Instant;
import java.util.List;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * What an evidence record proved: the covered hashes existed at {@link #firstStamp()}, and each later
 * token renewed the proof.
 *
 * @param tokens the archive timestamps' tokens, oldest first (more than one after renewal)
 * @param root   the hash tree root that the first token stamps (32 bytes)
 */
public record VerifiedEvidenceRecord(List<TimestampToken> tokens, byte[] root) {

    public VerifiedEvidenceRecord {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("an evidence record has at least one token");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** When the covered data was first stamped. */
    public Instant firstStamp() {
        return tokens.getFirst().genTime();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedEvidenceRecord that && java.util.Arrays.equals(root, that.root)
                && tokens.stream().map(TimestampToken::encoded).toList().size() == that.tokens.size()
                && java.util.stream.IntStream.range(0, tokens.size()).allMatch(i -> java.util.Arrays.equals(
                        tokens.get(i).encoded(), that.tokens.get(i).encoded()));
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return "VerifiedEvidenceRecord[" + tokens + "]";
    }
}
