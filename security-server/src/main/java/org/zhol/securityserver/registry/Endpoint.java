// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.rest.RestMethod;

/**
 * The part of a service that an access right covers, as X-Road's REST endpoints: a method (or any)
 * and a {@link PathPattern}. {@link #ANY} ({@code * **}) is the whole service; it is the only endpoint
 * of a SOAP service, and a service-level right on a REST service.
 *
 * @param method the method, or empty for any ({@code *})
 * @param path   the path pattern
 */
public record Endpoint(Optional<RestMethod> method, PathPattern path) {

    /** The text that stands for any method. */
    public static final String ANY_METHOD = "*";

    /** The whole service: any method, any path. */
    public static final Endpoint ANY = new Endpoint(Optional.empty(), PathPattern.ANY);

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Parses a method ({@code *}, empty or null for any) and a path pattern ({@code **}, empty or null for
     * any).
     *
     * @throws org.zhol.protocol.error.ZholException {@code InvalidHttpMethod} or {@code BadRequest}
     */
    public static Endpoint parse(String method, String path) {
        Optional<RestMethod> m = method == null || method.isEmpty() || method.equals(ANY_METHOD)
                ? Optional.empty() : Optional.of(RestMethod.parse(method));
        PathPattern p = path == null || path.isEmpty() ? PathPattern.ANY : new PathPattern(path);
        return new Endpoint(m, p);
    }

    /** Whether this is the whole service. */
    public boolean isAny() {
        return method.isEmpty() && path.isAny();
    }

    /** The method as text: its name, or {@code *}. */
    public String methodText() {
        return method.map(Enum::name).orElse(ANY_METHOD);
    }

    /**
     * Whether a request with this method and path falls under this endpoint. {@link #ANY} covers every
     * request, SOAP ones (no method, no path) included; any other endpoint needs a REST request whose
     * method and path both match.
     */
    public boolean covers(Optional<RestMethod> requestMethod, Optional<String> requestPath) {
        if (isAny()) {
            return true;
        }
        if (requestMethod.isEmpty() || requestPath.isEmpty()) {
            return false;
        }
        return (method.isEmpty() || method.equals(requestMethod)) && path.matches(requestPath.get());
    }

    @Override
    public String toString() {
        return methodText() + " " + path;
    }
}
