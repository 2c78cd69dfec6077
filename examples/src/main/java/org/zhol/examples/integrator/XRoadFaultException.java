// SPDX-License-Identifier: MIT
package org.zhol.examples.integrator;

/**
 * A call that the security servers (or the provider) answered with an X-Road fault: REST's
 * {@code X-Road-Error} header with its JSON body, or a SOAP fault.
 *
 * <p>Deviation: not a {@code ZholException}. This package stands for an information system outside
 * Zhol, which sees only the wire protocol; its errors are its own.
 */
public final class XRoadFaultException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    /**
     * @param code    the fault code, e.g. {@code Server.ServerProxy.AccessDenied}
     * @param status  the HTTP status it came with
     * @param message the fault's message (REST {@code message}, SOAP {@code faultstring})
     */
    public XRoadFaultException(String code, int status, String message) {
        super(code + ": " + message);
        this.code = code;
        this.status = status;
    }

    /** The X-Road fault code. */
    public String code() {
        return code;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }
}
