// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * One time-stamp of the log: a TSA's token over the batch of records {@code [firstLeaf, treeSize)} and
 * the checkpoint of {@code treeSize} (log.md §6).
 *
 * @param treeSize  the size of the stamped checkpoint
 * @param firstLeaf the first record of the batch (the previous stamp's tree size)
 * @param token     the RFC 3161 token
 * @param tsaName   the approved TSA that gave it
 */
public record LogTimestamp(long treeSize, long firstLeaf, TimestampToken token, String tsaName) {

    public LogTimestamp {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tsaName, "tsaName");
        if (firstLeaf < 0 || treeSize <= firstLeaf) {
            throw new IllegalArgumentException("a time-stamp covers at least one record");
        }
    }

    /** The time the TSA vouches for. */
    public Instant genTime() {
        return token.genTime();
    }

    /** Equal when the sizes, TSA name and token bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogTimestamp that && treeSize == that.treeSize && firstLeaf == that.firstLeaf
                && tsaName.equals(that.tsaName) && Arrays.equals(token.encoded(), that.token.encoded());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(treeSize) * 31 + Long.hashCode(firstLeaf);
    }
}
