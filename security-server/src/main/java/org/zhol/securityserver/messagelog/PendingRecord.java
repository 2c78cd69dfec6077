// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.log.LogEntry;

/**
 * A record waiting for the group commit: complete, its long body (if any) already synced in a spool
 * file.
 *
 * @param opening    what it was opened with
 * @param body       what is known of its body
 * @param inlineBody the body bytes when stored inline
 * @param spooled    the synced spool file when stored in a file
 * @param trailer    what it was committed with
 * @param entry      its leaf
 */
record PendingRecord(RecordOpening opening, BodyInfo body, Optional<byte[]> inlineBody, Optional<Path> spooled,
        RecordTrailer trailer, LogEntry entry) {

    PendingRecord {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailer, "trailer");
        Objects.requireNonNull(entry, "entry");
        if (inlineBody.isPresent() != (body.storage() == BodyInfo.Storage.INLINE)
                || spooled.isPresent() != (body.storage() == BodyInfo.Storage.FILE)) {
            throw new IllegalArgumentException("the body's bytes do not match its storage");
        }
    }
}
