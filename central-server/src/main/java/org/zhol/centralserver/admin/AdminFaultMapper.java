// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * Renders the admin API's faults with REST statuses: {@code UnknownMember} and {@code NotFound} are
 * 404, {@code InvalidRequest} (duplicate, still in use) is 409, and the rest as
 * {@link HttpFaults#status} says (400 for the caller's faults, 403 for {@code AccessDenied}, 500 for
 * this server's). The body is the shared {@code {"type", "message", "detail"}} shape.
 */
public final class AdminFaultMapper implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminFaultMapper.class);

    private final HttpHandler next;
    private final HttpFaults faults;

    public AdminFaultMapper(HttpHandler next, HttpFaults faults) {
        this.next = next;
        this.faults = faults;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        try {
            return next.handle(request);
        } catch (ZholException fault) {
            if (fault.getCause() != null) {
                LOG.warn("{} {} failed: {}", request.method(), request.path(), fault, fault.getCause());
            }
            return faults.render(fault, status(fault));
        }
    }

    /** The HTTP status of a fault in the admin API. */
    public static int status(ZholException fault) {
        return switch (fault.code()) {
            case UNKNOWN_MEMBER, NOT_FOUND -> 404;
            case INVALID_REQUEST -> 409;
            default -> HttpFaults.status(fault);
        };
    }
}
