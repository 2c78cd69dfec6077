// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/** The faults of this package, in one place; {@code docs/global-configuration.md} lists them. */
final class GlobalConfFaults {

    private GlobalConfFaults() {
    }

    /** {@code MalformedGlobalConf}: a file or value is not well formed. */
    static ZholException malformed(String detail) {
        return malformed(detail, null);
    }

    static ZholException malformed(String detail, Throwable cause) {
        return of(FaultCode.of(ErrorCode.MALFORMED_GLOBAL_CONF), detail, cause);
    }

    /** {@code MalformedGlobalConf.InconsistentResponse}: made for another instance than expected. */
    static ZholException wrongInstance(String expected, String actual) {
        return of(FaultCode.of(ErrorCode.MALFORMED_GLOBAL_CONF, ErrorCode.INCONSISTENT_RESPONSE),
                "The configuration is for instance '" + Faults.excerpt(actual)
                        + "', not '" + expected + "'", null);
    }

    static ZholException of(ErrorCode code, String detail, Throwable cause) {
        return of(FaultCode.of(code), detail, cause);
    }

    private static ZholException of(FaultCode code, String detail, Throwable cause) {
        return new ZholException(code, Origin.THIS_SERVER, detail, cause);
    }
}
