// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Objects;
import java.util.Optional;

/**
 * A record that the group commit hands to the store.
 *
 * @param record     the record
 * @param inlineBody the body bytes when {@link BodyInfo.Storage#INLINE}, else empty
 */
public record NewRecord(StoredRecord record, Optional<byte[]> inlineBody) {

    public NewRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(inlineBody, "inlineBody");
        if (inlineBody.isPresent() != (record.body().storage() == BodyInfo.Storage.INLINE)) {
            throw new IllegalArgumentException("an inline body comes exactly with INLINE storage");
        }
    }
}
