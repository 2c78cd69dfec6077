// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.FaultCode;

/**
 * The body of a REST error that a security server returns (PR-REST §4.6):
 * {@code {"type": ..., "message": ..., "detail": ...}}.
 *
 * @param type    the fault code, e.g. {@code Server.ServerProxy.NetworkError} or X-Road 7.8's
 *                {@code server.serverproxy.network_error}
 * @param message the explanation meant for the caller
 * @param detail  the error id that finds the fault in the server's log; empty when absent
 */
public record RestError(String type, String message, String detail) {

    public RestError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }

    /** The type as a fault code, in either spelling; empty when the code is not known to Zhol. */
    public Optional<FaultCode> faultCode() {
        return FaultCode.tryParse(type);
    }
}
