// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.admin.AdminJson;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/**
 * The registration listener's routes, for security servers: {@code POST /managementrequests} (the body
 * is the signed envelope; 202 with the stored request once it is committed) and
 * {@code GET /managementrequests/{id}} (its state). Faults are the shared JSON body with 404 for
 * {@code UnknownMember} and {@code NotFound}, 400 for the other faults of the sender, 500 for this
 * server's.
 */
final class RegistrationRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationRoutes.class);

    private final ManagementService service;
    private final AdminJson json;
    private final HttpFaults faults;

    RegistrationRoutes(ManagementService service, ObjectMapper json) {
        this.service = service;
        this.json = new AdminJson(json);
        this.faults = new HttpFaults(json);
    }

    void register(Router.Builder routes) {
        routes.post("/managementrequests", mapped(r -> accepted(service.submit(r.body()))))
                .get("/managementrequests/{id}", mapped(r -> json.ok(RequestView.forSender(service.find(r.pathParam("id"))
                        .orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND, "No such management request"))))));
    }

    private HttpResponse accepted(org.zhol.centralserver.store.StoredRequest stored) {
        HttpResponse ok = json.ok(RequestView.forSender(stored));
        return new HttpResponse(202, ok.contentType(), ok.body(), ok.headers());
    }

    private HttpHandler mapped(HttpHandler next) {
        return request -> {
            try {
                return next.handle(request);
            } catch (ZholException fault) {
                LOG.info("Management request from {} refused: {}", request.remote(), fault.toString());
                return faults.render(fault, status(fault));
            }
        };
    }

    private static int status(ZholException fault) {
        return switch (fault.code()) {
            case UNKNOWN_MEMBER, NOT_FOUND -> 404;
            default -> HttpFaults.status(fault);
        };
    }
}
