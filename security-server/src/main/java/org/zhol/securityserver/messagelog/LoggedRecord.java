// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * A durable log record: where it is in the Merkle log and when it was written.
 *
 * @param leafIndex its index in the log, in commit order from 0
 * @param loggedAt  when the batch that holds it was committed
 * @param leafHash  its RFC 9162 leaf hash, that of its {@link org.zhol.protocol.log.LogEntry}
 */
public record LoggedRecord(long leafIndex, Instant loggedAt, byte[] leafHash) {

    public LoggedRecord {
        Objects.requireNonNull(loggedAt, "loggedAt");
        Objects.requireNonNull(leafHash, "leafHash");
        if (leafIndex < 0 || leafHash.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException("bad leaf index or hash");
        }
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedRecord that && leafIndex == that.leafIndex && loggedAt.equals(that.loggedAt)
                && java.util.Arrays.equals(leafHash, that.leafHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(leafIndex);
    }

    @Override
    public String toString() {
        return "LoggedRecord[" + leafIndex + " at " + loggedAt + ", " + HexFormat.of().formatHex(leafHash) + "]";
    }
}
