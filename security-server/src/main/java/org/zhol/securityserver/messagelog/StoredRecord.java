// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Objects;
import org.zhol.protocol.log.LogEntry;

/**
 * A log record as the store holds it, without the body's bytes (read those with
 * {@link MessageLog#body}).
 *
 * @param logged  where and when it was logged
 * @param opening what it was opened with
 * @param body    what is known of its body
 * @param trailer what it was committed with
 * @param entry   its leaf: the log entry whose hash is {@code logged.leafHash()}
 */
public record StoredRecord(LoggedRecord logged, RecordOpening opening, BodyInfo body, RecordTrailer trailer,
        LogEntry entry) {

    public StoredRecord {
        Objects.requireNonNull(logged, "logged");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailer, "trailer");
        Objects.requireNonNull(entry, "entry");
    }

    /** The record's index in the log. */
    public long leafIndex() {
        return logged.leafIndex();
    }
}
