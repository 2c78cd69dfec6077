// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.protocol.merkle.SubtreeHashes;
import org.zhol.securityserver.messagelog.NewRecord;
import org.zhol.securityserver.messagelog.StoredRecord;

/**
 * The message log's records and the nodes of its Merkle tree. Records and the nodes they complete are
 * written together, in one transaction, by the group commit only.
 */
public interface LogRecordRepository extends SubtreeHashes {

    /**
     * Writes a batch of records and the tree nodes they complete in one transaction: all or nothing.
     *
     * @throws org.zhol.protocol.error.ZholException {@code DatabaseError} when it fails (nothing is written)
     */
    void append(List<NewRecord> records, List<MerkleFrontier.SubtreeNode> nodes);

    /** The number of leaves of the stored Merkle tree: the next record's leaf index. */
    long treeSize();

    /** A record without its body bytes. */
    Optional<StoredRecord> find(long leafIndex);

    /** The records of a message id and direction, oldest first. */
    List<StoredRecord> findByMessage(String messageId, Direction direction);

    /** The leaves of the records {@code [from, to)}, in leaf order (records cleaned meanwhile are skipped). */
    List<LogEntry> entries(long from, long to);

    /** The body of a record whose body is stored inline. */
    Optional<byte[]> inlineBody(long leafIndex);

    /** When a record was logged; empty when there is no such record (never logged, or cleaned). */
    Optional<Instant> loggedAt(long leafIndex);

    /**
     * The smallest leaf index at or above {@code from} whose record is missing, or whose stored leaf hash
     * is not the tree's leaf; empty when every leaf from there on has its record.
     */
    java.util.OptionalLong firstUnmatchedLeaf(long from);

    /** How many {@link #append} transactions have committed since this repository was made. */
    long appendTransactions();
}
