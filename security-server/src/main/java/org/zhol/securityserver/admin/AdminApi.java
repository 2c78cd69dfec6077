// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.globalconf.AnchorImport;
import org.zhol.securityserver.globalconf.ConfigurationClient;
import org.zhol.securityserver.health.HealthChecks;
import org.zhol.securityserver.health.HealthReport;
import org.zhol.securityserver.health.MaintenanceMode;
import org.zhol.securityserver.messagelog.MessageLogService;
import org.zhol.securityserver.ocsp.OcspCache;
import org.zhol.securityserver.registration.CentralSettings;
import org.zhol.securityserver.registration.RegistrationService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.store.IsAuthenticationRepository;
import org.zhol.securityserver.signer.Signer;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiTokenStore;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.admin.IssuedToken;
import org.zhol.server.admin.TokenAuthenticator;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/**
 * The security server's admin API: JSON over HTTP on the loopback admin listener. Every operation
 * needs an API token ({@link TokenAuthenticator}: read-only tokens may GET) except {@code GET /health}
 * (for load balancers and monitors; it reveals check names and reasons only) and
 * {@code GET /openapi.json}, which describes every operation. To add an operation, add an
 * {@link AdminRoute} to {@link #routes()} (or to a resource it includes) and to {@code openapi.json};
 * a test keeps the two in step.
 */
public final class AdminApi {

    /** Where the OpenAPI document lives on the class path. */
    public static final String OPENAPI_RESOURCE = "/org/zhol/securityserver/admin/openapi.json";

    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * What the admin API works on.
     *
     * @param serverId    this server
     * @param registry    the local service registry
     * @param tokens      issues and checks tokens
     * @param tokenStore  lists and revokes tokens
     * @param health      the health checks
     * @param maintenance the maintenance flag
     * @param trust       keys, anchor, configuration and OCSP
     * @param registration the registration flows
     * @param isAuthentication each local client's IS authentication
     */
    public record Parts(SecurityServerId serverId, ServiceRegistry registry, ApiTokens tokens,
            ApiTokenStore tokenStore, HealthChecks health, MaintenanceMode maintenance, Trust trust,
            Registration registration, IsAuthenticationRepository isAuthentication) {
    }

    /**
     * What the keys and trust operations work on.
     *
     * @param signer        the open token
     * @param anchorImport  imports a configuration anchor
     * @param configuration the configuration client (status, refresh after an anchor import)
     * @param ocsp          the OCSP cache of the own certificates (status, refresh after an import)
     */
    public record Trust(Signer signer, AnchorImport anchorImport, ConfigurationClient configuration, OcspCache ocsp) {
    }

    /**
     * What the registration operations work on.
     *
     * @param service the registration flows
     * @param central where the central server's registration listener is
     */
    public record Registration(RegistrationService service, CentralSettings central) {
    }

    private final Parts parts;
    private final Optional<MessageLogService> messageLog;
    private final AdminJson json;
    private final HttpFaults faults;

    /** An API without the message log: its operations answer that it is not running. */
    public AdminApi(Parts parts, ObjectMapper mapper) {
        this(parts, Optional.empty(), mapper);
    }

    /** An API over {@code parts} and the message log. */
    public AdminApi(Parts parts, Optional<MessageLogService> messageLog, ObjectMapper mapper) {
        this.parts = parts;
        this.messageLog = messageLog;
        this.json = new AdminJson(mapper);
        this.faults = new HttpFaults(mapper);
    }

    /** Every operation. */
    public List<AdminRoute> routes() {
        List<AdminRoute> routes = new ArrayList<>(List.of(
                AdminRoute.open("GET", "/health", this::health),
                AdminRoute.open("GET", "/openapi.json", this::openApi),
                AdminRoute.authenticated("GET", "/server", this::server),
                AdminRoute.authenticated("GET", "/maintenance", this::maintenance),
                AdminRoute.authenticated("PUT", "/maintenance", this::setMaintenance),
                AdminRoute.authenticated("GET", "/tokens", this::listTokens),
                AdminRoute.authenticated("POST", "/tokens", this::issueToken),
                AdminRoute.authenticated("DELETE", "/tokens/{name}", this::revokeToken)));
        routes.addAll(new RegistryResource(parts.registry(), json).routes());
        routes.addAll(new IsAuthenticationResource(parts.isAuthentication(), json).routes());
        routes.addAll(new KeysResource(parts.trust(), json).routes());
        routes.addAll(new TrustResource(parts.trust(), json).routes());
        routes.addAll(new RegistrationResource(parts.registration(), json, faults).routes());
        routes.addAll(new MessageLogResource(messageLog, json).routes());
        return routes;
    }

    /** The whole API as one handler: open routes, then the token check, then the others. */
    public HttpHandler handler() {
        List<AdminRoute> routes = routes();
        Router.Builder open = Router.builder();
        Router.Builder secured = Router.builder();
        routes.forEach(r -> (r.open() ? open : secured).add(r.method(), r.pattern(), r.handler()));
        Set<String> openPaths = routes.stream().filter(AdminRoute::open).map(AdminRoute::pattern)
                .collect(Collectors.toUnmodifiableSet());
        Router openRouter = open.build();
        HttpHandler authenticated = new TokenAuthenticator(parts.tokens(), secured.build(), faults);
        HttpHandler dispatch = request -> openPaths.contains(request.path())
                ? openRouter.handle(request) : authenticated.handle(request);
        return request -> {
            try {
                return dispatch.handle(request);
            } catch (ZholException e) {
                if (e.code() == ErrorCode.UNKNOWN_MEMBER || e.code() == ErrorCode.UNKNOWN_SERVICE) {
                    return faults.render(e, 404);
                }
                throw e;
            }
        };
    }

    private HttpResponse health(HttpRequest request) {
        HealthReport report = parts.health().report();
        return json.respond(report.healthy() ? 200 : 503, json.health(report));
    }

    private HttpResponse openApi(HttpRequest request) throws IOException {
        try (InputStream in = AdminApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + OPENAPI_RESOURCE);
            }
            return HttpResponse.json(200, in.readAllBytes());
        }
    }

    private HttpResponse server(HttpRequest request) {
        SecurityServerId id = parts.serverId();
        return json.respond(200, json.object().put("serverId", id.toPath()).put("owner", id.owner().toPath())
                .put("serverCode", id.serverCode()));
    }

    private HttpResponse maintenance(HttpRequest request) {
        return json.respond(200, json.object().put("enabled", parts.maintenance().isOn()));
    }

    private HttpResponse setMaintenance(HttpRequest request) {
        boolean on = AdminJson.bool(json.body(request), "enabled").orElseThrow(() ->
                ZholException.client(ErrorCode.BAD_REQUEST, "The field enabled is required"));
        parts.maintenance().set(on);
        return json.respond(200, json.object().put("enabled", on));
    }

    private HttpResponse listTokens(HttpRequest request) {
        return json.respond(200, json.array(parts.tokenStore().list(), json::token));
    }

    private HttpResponse issueToken(HttpRequest request) {
        ObjectNode body = json.body(request);
        String name = AdminJson.required(body, "name");
        if (!TOKEN_NAME.matcher(name).matches()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A token name has 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        ApiRole role = switch (AdminJson.text(body, "role").orElse("READ_ONLY")) {
            case "ADMIN" -> ApiRole.ADMIN;
            case "READ_ONLY" -> ApiRole.READ_ONLY;
            default -> throw ZholException.client(ErrorCode.BAD_REQUEST, "The field role must be ADMIN or READ_ONLY");
        };
        IssuedToken issued = parts.tokens().issue(name, role);
        return json.respond(201, json.token(issued.token()).put("token", issued.secret()));
    }

    private HttpResponse revokeToken(HttpRequest request) {
        if (!parts.tokenStore().revoke(request.pathParam("name"))) {
            throw ZholException.client(ErrorCode.NOT_FOUND, "No such token");
        }
        return HttpResponse.empty(204);
    }
}
