// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.io.IOException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/** The faults that this package raises itself, in one place; the docs list them. */
final class ConfigurationFaults {

    /** A generation older than the one held: {@code MalformedGlobalConf.InvalidResponse}. */
    static final FaultCode ROLLBACK = FaultCode.of(ErrorCode.MALFORMED_GLOBAL_CONF, ErrorCode.INVALID_RESPONSE);
    /** An anchor for another instance: {@code MalformedGlobalConf.InconsistentResponse}. */
    static final FaultCode WRONG_INSTANCE =
            FaultCode.of(ErrorCode.MALFORMED_GLOBAL_CONF, ErrorCode.INCONSISTENT_RESPONSE);

    private ConfigurationFaults() {
    }

    /** {@code OutdatedGlobalConf}: no configuration may be used now. */
    static ZholException outdated(String detail) {
        return ZholException.of(ErrorCode.OUTDATED_GLOBAL_CONF, Origin.THIS_SERVER, detail);
    }

    static ZholException rollback(long offered, long held) {
        return new ZholException(ROLLBACK, Origin.THIS_SERVER, "Rollback refused: the central server offers"
                + " generation " + offered + ", older than generation " + held + " held", null);
    }

    static ZholException malformed(String detail) {
        return ZholException.of(ErrorCode.MALFORMED_GLOBAL_CONF, Origin.THIS_SERVER, detail);
    }

    static ZholException storage(String what, IOException cause) {
        return ZholException.internal(ErrorCode.IO_ERROR, "Cannot " + what + ": " + cause, cause);
    }

    /** A refused anchor import: the administrator's file is at fault; the cause's code is kept. */
    static ZholException refusedAnchor(FaultCode code, String detail, Throwable cause) {
        return new ZholException(code, Origin.CLIENT, "The anchor is refused: " + detail, cause);
    }
}
