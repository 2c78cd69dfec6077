// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import java.util.Objects;
import org.zhol.server.http.HttpHandler;

/**
 * One admin API operation.
 *
 * @param method  the HTTP method
 * @param pattern the {@link org.zhol.server.http.Router} pattern, e.g. {@code /clients/{client}}
 * @param open    whether it needs no token ({@code /health} and {@code /openapi.json} only)
 * @param handler what answers it
 */
public record AdminRoute(String method, String pattern, boolean open, HttpHandler handler) {

    public AdminRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
    }

    /** An operation behind the token check. */
    public static AdminRoute authenticated(String method, String pattern, HttpHandler handler) {
        return new AdminRoute(method, pattern, false, handler);
    }

    /** An operation open to anyone who can reach the admin listener. */
    public static AdminRoute open(String method, String pattern, HttpHandler handler) {
        return new AdminRoute(method, pattern, true, handler);
    }
}
