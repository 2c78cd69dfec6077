// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
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

    /** Up to {@code limit} batches ending at or below {@code endAtMost}, latest first. */
    List<LogTimestamp> list(long endAtMost, int limit);
}
