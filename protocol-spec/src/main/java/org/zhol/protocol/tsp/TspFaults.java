// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/** The {@code TimestampValidation.*} faults of this package, in one place. */
final class TspFaults {

    private TspFaults() {
    }

    /** {@code TimestampValidation.<reason>}, raised by this server while checking a TSA's output. */
    static ZholException invalid(ErrorCode reason, String detail) {
        return new ZholException(FaultCode.of(ErrorCode.TIMESTAMP_VALIDATION, reason), Origin.THIS_SERVER, detail,
                null);
    }

    /** {@code TimestampValidation.<reason>} with a local cause. */
    static ZholException invalid(ErrorCode reason, String detail, Throwable cause) {
        return new ZholException(FaultCode.of(ErrorCode.TIMESTAMP_VALIDATION, reason), Origin.THIS_SERVER, detail,
                cause);
    }

    /** {@code TimestampValidation.MalformedSignature}: the bytes are not a well-formed reply or token. */
    static ZholException malformed(String detail, Throwable cause) {
        return invalid(ErrorCode.MALFORMED_SIGNATURE, detail, cause);
    }
}
