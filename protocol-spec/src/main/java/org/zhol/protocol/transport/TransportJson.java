// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.json.StrictJson;

/** The JSON conventions of the transport's payloads: {@link StrictJson}, failures {@code InvalidMessage}. */
final class TransportJson {

    /** Limit: nesting of the transport's JSON payloads (a head's headers are object, array, array: 3). */
    static final int MAX_DEPTH = 4;

    static final StrictJson JSON = new StrictJson(ErrorCode.INVALID_MESSAGE, MAX_DEPTH);

    private TransportJson() {
    }
}
