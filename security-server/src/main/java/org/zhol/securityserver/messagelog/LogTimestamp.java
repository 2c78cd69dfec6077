// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * One time-stamping batch of the log (protocol-spec {@code docs/log.md} §6): a TSA's token over the
 * RFC 4998 hash tree of the records {@code [firstLeaf, endLeaf)} and of the checkpoint of
 * {@code checkpointSize}, which dates the whole log up to that size.
 *
 * @param firstLeaf          the first record of the batch (the previous batch's end)
 * @param endLeaf            one past the last record of the batch
 * @param checkpointSize     the size of the stamped checkpoint, at least {@code endLeaf}
 * @param token              the RFC 3161 token
 * @param tsaName            the approved TSA that gave it
 * @param checkpointEvidence the checkpoint's DER evidence record
 */
public record LogTimestamp(long firstLeaf, long endLeaf, long checkpointSize, TimestampToken token, String tsaName,
        byte[] checkpointEvidence) {

    public LogTimestamp {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tsaName, "tsaName");
        Objects.requireNonNull(checkpointEvidence, "checkpointEvidence");
        if (firstLeaf < 0 || endLeaf <= firstLeaf || checkpointSize < endLeaf) {
            throw new IllegalArgumentException("a time-stamp covers at least one record, all below its checkpoint");
        }
        checkpointEvidence = checkpointEvidence.clone();
    }

    /** The time the TSA vouches for. */
    public Instant genTime() {
        return token.genTime();
    }

    @Override
    public byte[] checkpointEvidence() {
        return checkpointEvidence.clone();
    }

    /** Equal when the leaves, sizes, TSA name, token and evidence bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogTimestamp that && firstLeaf == that.firstLeaf && endLeaf == that.endLeaf
                && checkpointSize == that.checkpointSize && tsaName.equals(that.tsaName)
                && Arrays.equals(token.encoded(), that.token.encoded())
                && Arrays.equals(checkpointEvidence, that.checkpointEvidence);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(endLeaf) * 31 + Long.hashCode(firstLeaf);
    }

    @Override
    public String toString() {
        return "LogTimestamp[" + firstLeaf + ".." + endLeaf + ", checkpoint " + checkpointSize + ", " + tsaName + ", "
                + token + "]";
    }
}
