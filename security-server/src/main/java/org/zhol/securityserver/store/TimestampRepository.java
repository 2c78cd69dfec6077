// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.zhol.securityserver.messagelog.LogTimestamp;

/** The time-stamping batches of the message log and the evidence records they gave. */
public interface TimestampRepository {

    /**
     * Stores a batch and the evidence record of each of its records (in leaf order), in one transaction.
     */
    void save(LogTimestamp timestamp, List<byte[]> recordEvidence);

    /** The batch with the largest end: every record below its end is stamped. */
    Optional<LogTimestamp> latest();

    /** The batch that holds record {@code leafIndex}. */
    Optional<LogTimestamp> covering(long leafIndex);

    /** The DER evidence record of record {@code leafIndex}, once it is stamped. */
    Optional<byte[]> evidence(long leafIndex);

    /**
     * Up to {@code limit} batches whose newest token's TSA certificate expires before {@code notAfterBefore},
     * oldest first: the ones to renew.
     */
    List<LogTimestamp> renewalsDue(Instant notAfterBefore, int limit);

    /** The evidence records of the batch's records still kept, by leaf index in ascending order. */
    SortedMap<Long, byte[]> batchEvidence(LogTimestamp batch);

    /**
     * Replaces the evidence records of a batch with their renewed forms, in one transaction.
     *
     * @param checkpointEvidence the batch checkpoint's renewed evidence record
     * @param recordEvidence     the records' renewed evidence records, by leaf index
     * @param tsaNotAfter        when the renewal token's TSA certificate expires
     */
    void renew(LogTimestamp batch, byte[] checkpointEvidence, SortedMap<Long, byte[]> recordEvidence,
            Instant tsaNotAfter);

    /** Up to {@code limit} batches ending at or below {@code endAtMost}, latest first. */
    List<LogTimestamp> list(long endAtMost, int limit);
}
