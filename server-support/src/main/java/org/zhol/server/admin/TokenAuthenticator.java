// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * Lets a request through to {@code next} only with a live token whose role permits the method.
 * The token comes in {@code Authorization: Bearer TOKEN} or, as in X-Road's admin API,
 * {@code Authorization: X-Road-ApiKey token=TOKEN}. No token or an unknown one gives 401, a
 * read-only token on a write gives 403; both with the fault code {@code AccessDenied}.
 */
public final class TokenAuthenticator implements HttpHandler {

    private final ApiTokens tokens;
    private final HttpHandler next;
    private final HttpFaults faults;

    public TokenAuthenticator(ApiTokens tokens, HttpHandler next, HttpFaults faults) {
        this.tokens = tokens;
        this.next = next;
        this.faults = faults;
    }

    @Override
    public HttpResponse handle(HttpRequest request) throws Exception {
        Optional<ApiToken> token = request.header("Authorization").flatMap(TokenAuthenticator::secret)
                .flatMap(tokens::authenticate);
        if (token.isEmpty()) {
            return faults.render(ZholException.client(ErrorCode.ACCESS_DENIED, "A valid API token is required"), 401)
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        if (!token.get().role().permits(request.method())) {
            return faults.render(ZholException.client(ErrorCode.ACCESS_DENIED,
                    "Token '" + token.get().name() + "' is read-only"), 403);
        }
        return next.handle(request);
    }

    /**
     * The token secret in an {@code Authorization} header value: {@code Bearer TOKEN} or
     * {@code X-Road-ApiKey token=TOKEN}.
     */
    public static Optional<String> secret(String authorization) {
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(value.substring(7).trim());
        }
        String xroad = "X-Road-ApiKey token=";
        if (value.regionMatches(true, 0, xroad, 0, xroad.length())) {
            return Optional.of(value.substring(xroad.length()).trim());
        }
        return Optional.empty();
    }
}
