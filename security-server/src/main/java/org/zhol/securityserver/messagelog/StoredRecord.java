// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Objects;

/**
 * A log record as the store holds it, without the body's bytes (read those with
 * {@link MessageLog#body}).
 *
 * @param logged  where and when it was logged
 * @param opening what it was opened with
 * @param body    what is known of its body
 * @param trailer what it was committed with
 */
public record StoredRecord(LoggedRecord logged, RecordOpening opening, BodyInfo body, RecordTrailer trailer) {

    public StoredRecord {
        Objects.requireNonNull(logged, "logged");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailer, "trailer");
    }

    /** The record's index in the log. */
    public long leafIndex() {
        return logged.leafIndex();
    }
}
