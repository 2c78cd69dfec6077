// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/** The message log's faults, prefixed for the side that logs. */
final class LogFaults {

    private LogFaults() {
    }

    /** {@code Server.<side>.LoggingFailed}: the record is not durable. */
    static ZholException loggingFailed(Side side, String detail, Throwable cause) {
        return new ZholException(new FaultCode(Optional.of(side.faultPrefix()), List.of(ErrorCode.LOGGING_FAILED)),
                Origin.THIS_SERVER, detail, cause);
    }

    /** {@code Server.<side>.LoggingFailed.TimestamperFailed}: records stayed unstamped too long. */
    static ZholException timestamperFailed(Side side, String detail) {
        return new ZholException(new FaultCode(Optional.of(side.faultPrefix()),
                List.of(ErrorCode.LOGGING_FAILED, ErrorCode.TIMESTAMPER_FAILED)), Origin.THIS_SERVER, detail, null);
    }
}
