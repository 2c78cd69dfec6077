// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhol.securityserver.messagelog.LogArchive;

/** The evidence archives of the message log, and the cleaning of archived records. */
public interface ArchiveRepository {

    /** Stores an archive and marks its records archived, in one transaction. */
    void save(LogArchive archive);

    /** The archive with the largest sequence number. */
    Optional<LogArchive> latest();

    /** Up to {@code limit} archives with a sequence number below {@code before}, latest first. */
    List<LogArchive> list(long before, int limit);

    /**
     * Deletes up to {@code limit} records that are archived and were logged before {@code before}, with
     * their evidence records; tree nodes, checkpoints and time-stamps stay. Unarchived records are never
     * deleted.
     *
     * @return the leaf indexes of the deleted records whose bodies were in files, for the caller to
     *         remove; and how many records were deleted
     */
    Cleaned clean(Instant before, int limit);

    /**
     * What one cleaning deleted.
     *
     * @param deleted   how many records
     * @param bodyFiles the leaf indexes of those whose bodies were in files
     */
    record Cleaned(int deleted, List<Long> bodyFiles) {
        public Cleaned {
            bodyFiles = List.copyOf(bodyFiles);
        }
    }
}
