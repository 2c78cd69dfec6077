// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.util.Locale;
import org.zhol.centralserver.admin.AdminViews.NewToken;
import org.zhol.centralserver.admin.AdminViews.TokenView;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiTokenStore;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.admin.IssuedToken;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/** {@code /tokens}: list, create and revoke admin-API tokens; admin tokens only, also for reading. */
final class TokenRoutes {

    private final ApiTokens tokens;
    private final ApiTokenStore store;
    private final AdminJson json;

    TokenRoutes(ApiTokens tokens, ApiTokenStore store, AdminJson json) {
        this.tokens = tokens;
        this.store = store;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/tokens", new AdminOnly(tokens, r -> json.ok(store.list().stream()
                        .map(t -> TokenView.of(t, null)).toList())))
                .post("/tokens", new AdminOnly(tokens, this::create))
                .delete("/tokens/{name}", new AdminOnly(tokens, r -> {
                    if (!store.revoke(r.pathParam("name"))) {
                        throw ZholException.client(ErrorCode.NOT_FOUND, "Token '" + r.pathParam("name")
                                + "' does not exist");
                    }
                    return json.noContent();
                }));
    }

    private HttpResponse create(HttpRequest r) {
        NewToken in = json.read(r, NewToken.class);
        if (in.name() == null || !in.name().matches("[A-Za-z0-9._-]{1,64}")) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "name must be 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        IssuedToken issued = tokens.issue(in.name(), role(in.role()));
        return json.created(TokenView.of(issued.token(), issued.secret()));
    }

    /** {@code ADMIN} or {@code READ_ONLY}, also spelled {@code admin}, {@code read-only}; default read-only. */
    static ApiRole role(String text) {
        if (text == null || text.isBlank()) {
            return ApiRole.READ_ONLY;
        }
        try {
            return ApiRole.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "role must be ADMIN or READ_ONLY");
        }
    }
}
