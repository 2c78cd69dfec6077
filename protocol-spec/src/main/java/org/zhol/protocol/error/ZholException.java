// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

import java.util.Objects;

/**
 * The one exception type of Zhol. It carries a stable {@link FaultCode}, the {@link Origin} of the
 * fault, and a detail that is safe to show to the peer or caller. The cause, if any, is for this
 * server's own logs and is never rendered to anybody else.
 *
 * <p>Instances are immutable: {@link #withPrefix} returns a new exception.
 */
public final class ZholException extends RuntimeException {

    private final FaultCode faultCode;
    private final Origin origin;

    /**
     * @param faultCode the stable code
     * @param origin    who caused the fault
     * @param detail    a human-readable explanation that a peer may see: no secrets, no stack traces
     * @param cause     the underlying exception, for local logs only; may be null
     */
    public ZholException(FaultCode faultCode, Origin origin, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause, false, cause != null);
        this.faultCode = Objects.requireNonNull(faultCode, "faultCode");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A fault with an unprefixed single-segment code and no cause. */
    public static ZholException of(ErrorCode code, Origin origin, String detail) {
        return new ZholException(FaultCode.of(code), origin, detail, null);
    }

    /** A fault caused by the input that the caller sent. */
    public static ZholException client(ErrorCode code, String detail) {
        return of(code, Origin.CLIENT, detail);
    }

    /** A fault of this server itself, with the local cause. */
    public static ZholException internal(ErrorCode code, String detail, Throwable cause) {
        return new ZholException(FaultCode.of(code), Origin.THIS_SERVER, detail, cause);
    }

    public FaultCode faultCode() {
        return faultCode;
    }

    /** The first segment of the fault code. */
    public ErrorCode code() {
        return faultCode.code();
    }

    public Origin origin() {
        return origin;
    }

    /** The peer-safe explanation; the same as {@link #getMessage()}. */
    public String detail() {
        return getMessage();
    }

    /** This fault as raised at an edge with {@code prefix}; a code that has a prefix keeps it. */
    public ZholException withPrefix(FaultPrefix prefix) {
        FaultCode prefixed = faultCode.withPrefix(prefix);
        return prefixed == faultCode ? this : new ZholException(prefixed, origin, detail(), getCause());
    }

    @Override
    public String toString() {
        return faultCode + ": " + getMessage();
    }
}
