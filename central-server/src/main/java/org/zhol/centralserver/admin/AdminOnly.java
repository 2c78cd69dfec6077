// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.admin.TokenAuthenticator;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * Lets only admin tokens through, even for {@code GET}: for routes such as {@code /tokens} whose reads
 * are sensitive too. It runs behind {@link org.zhol.server.admin.TokenAuthenticator}, which has already
 * refused missing and unknown tokens, so a refusal here is 403 ({@code AccessDenied}).
 */
final class AdminOnly implements HttpHandler {

    private final ApiTokens tokens;
    private final HttpHandler next;

    AdminOnly(ApiTokens tokens, HttpHandler next) {
        this.tokens = tokens;
        this.next = next;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        boolean admin = request.header("Authorization").flatMap(TokenAuthenticator::secret).flatMap(tokens::authenticate)
                .filter(t -> t.role() == ApiRole.ADMIN).isPresent();
        if (!admin) {
            throw ZholException.client(ErrorCode.ACCESS_DENIED, "This resource needs an admin token");
        }
        return next.handle(request);
    }
}
