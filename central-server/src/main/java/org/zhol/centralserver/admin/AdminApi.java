// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;
import org.zhol.centralserver.CentralContext;
import org.zhol.server.admin.ApiTokenStore;
import org.zhol.server.admin.TokenAuthenticator;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/**
 * The central server's admin API. {@link #register} adds the built-in routes to a router builder, to
 * which extensions add theirs (management requests, anchor export); {@link #handler} wraps the built
 * router: {@code GET /openapi.json} is served without a token (it holds no data), every other path
 * needs a live token ({@code 401} without one, {@code 403} for a read-only token on a write), and
 * faults are rendered by {@link AdminFaultMapper}.
 */
public final class AdminApi {

    /** The classpath resource of the hand-written OpenAPI 3.0 document. */
    public static final String OPENAPI_RESOURCE = "/org/zhol/centralserver/admin/openapi.json";

    private final CentralContext context;
    private final ApiTokenStore tokenStore;
    private final Supplier<Map<String, Integer>> ports;

    /**
     * @param tokenStore where tokens are listed and revoked
     * @param ports      the bound ports by listener name, for {@code GET /status}
     */
    public AdminApi(CentralContext context, ApiTokenStore tokenStore, Supplier<Map<String, Integer>> ports) {
        this.context = context;
        this.tokenStore = tokenStore;
        this.ports = ports;
    }

    /** Adds the built-in routes to {@code routes}. */
    public void register(Router.Builder routes) {
        AdminJson json = new AdminJson(context.json());
        new StatusRoutes(context, ports, json).register(routes);
        new MemberRoutes(context.registry(), json).register(routes);
        new ServerRoutes(context.registry(), json).register(routes);
        new GroupRoutes(context.registry(), json).register(routes);
        new TrustRoutes(context.trustServices(), json).register(routes);
        new TokenRoutes(context.tokens(), tokenStore, json).register(routes);
    }

    /** The whole admin handler around the built {@code router}. */
    public HttpHandler handler(Router router) {
        HttpFaults faults = new HttpFaults(context.json());
        HttpHandler authenticated = new TokenAuthenticator(context.tokens(), router, faults);
        HttpResponse openApi = HttpResponse.json(200, openApiDocument());
        return new AdminFaultMapper(request -> "GET".equals(request.method()) && "/openapi.json".equals(request.path())
                ? openApi : authenticated.handle(request), faults);
    }

    /** The OpenAPI document's bytes. */
    public static byte[] openApiDocument() {
        try (InputStream in = AdminApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
