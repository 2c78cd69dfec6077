// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import java.util.Locale;
import java.util.Optional;
import org.zhol.centralserver.admin.AdminJson;
import org.zhol.centralserver.store.RequestState;
import org.zhol.centralserver.store.StoredRequest;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.admin.ApiToken;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.admin.TokenAuthenticator;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/**
 * The admin API's {@code /requests}: list (optionally {@code ?state=}), read, read the signed envelope,
 * approve, reject and revoke. The deciding token's name is recorded with each decision.
 */
final class RequestRoutes {

    /** The body of reject and revoke; the reason is optional. */
    record Decision(String reason) {
    }

    private final ManagementService service;
    private final ApiTokens tokens;
    private final AdminJson json;

    RequestRoutes(ManagementService service, ApiTokens tokens, AdminJson json) {
        this.service = service;
        this.tokens = tokens;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/requests", r -> json.ok(service.list(state(r)).stream().map(RequestView::of).toList()))
                .get("/requests/{id}", r -> json.ok(RequestView.of(find(r))))
                .get("/requests/{id}/envelope", r -> HttpResponse.json(200, find(r).payload()))
                .post("/requests/{id}/approve", r -> json.ok(RequestView.of(service.approve(id(r), who(r)))))
                .post("/requests/{id}/reject", r -> json.ok(RequestView.of(service.reject(id(r), who(r), reason(r)))))
                .post("/requests/{id}/revoke", r -> json.ok(RequestView.of(service.revoke(id(r), who(r), reason(r)))));
    }

    private StoredRequest find(HttpRequest r) {
        return service.find(id(r)).orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND,
                "Management request " + id(r) + " does not exist"));
    }

    private static String id(HttpRequest r) {
        return r.pathParam("id");
    }

    private static Optional<RequestState> state(HttpRequest r) {
        Optional<String> state = r.queryParam("state").filter(s -> !s.isBlank());
        try {
            return state.map(s -> RequestState.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "state must be PENDING, APPROVED, REJECTED or REVOKED");
        }
    }

    private Optional<String> reason(HttpRequest r) {
        if (r.body().length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(json.read(r, Decision.class).reason()).filter(s -> !s.isBlank())
                .map(s -> s.length() > 1000 ? s.substring(0, 1000) : s);
    }

    /** The name of the token that made the call; the authenticator has let only live tokens through. */
    private String who(HttpRequest r) {
        return r.header("Authorization").flatMap(TokenAuthenticator::secret).flatMap(tokens::authenticate)
                .map(ApiToken::name).orElseThrow(() -> ZholException.client(ErrorCode.ACCESS_DENIED,
                        "No valid token"));
    }
}
