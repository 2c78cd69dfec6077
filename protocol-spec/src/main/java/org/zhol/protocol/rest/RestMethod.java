// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/** The HTTP methods a REST r1 request may use: the ones X-Road accepts. Names are case-sensitive. */
public enum RestMethod {
    DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE;

    /**
     * The method named exactly {@code name}.
     *
     * @throws ZholException {@code InvalidHttpMethod} with {@code Origin.CLIENT} for any other name
     */
    public static RestMethod parse(String name) {
        if (name != null) {
            for (RestMethod m : values()) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
        }
        throw ZholException.client(ErrorCode.INVALID_HTTP_METHOD,
                "Unsupported HTTP method '" + Faults.excerpt(name) + "'");
    }
}
