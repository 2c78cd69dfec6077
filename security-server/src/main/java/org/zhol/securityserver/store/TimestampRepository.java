// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.securityserver.messagelog.LogTimestamp;

/** The time-stamps of the message log, one per stamped checkpoint. */
public interface TimestampRepository {

    /** Stores a time-stamp. */
    void save(LogTimestamp timestamp);

    /** The time-stamp of the largest tree size: everything below it is stamped. */
    Optional<LogTimestamp> latest();

    /** The time-stamp whose batch holds record {@code leafIndex}. */
    Optional<LogTimestamp> covering(long leafIndex);

    /** Up to {@code limit} time-stamps with a tree size below {@code beforeSize}, largest first. */
    List<LogTimestamp> list(long beforeSize, int limit);
}
