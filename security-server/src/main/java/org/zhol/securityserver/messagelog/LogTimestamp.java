// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
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
}
