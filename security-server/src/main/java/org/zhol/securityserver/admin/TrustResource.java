// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.securityserver.globalconf.ConfigurationStatus;
import org.zhol.securityserver.ocsp.OwnOcspStatus;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API over the server's trust: import a configuration anchor, and the state of the global
 * configuration and of the OCSP responses of the own certificates.
 */
final class TrustResource {

    private final AdminApi.Trust trust;
    private final AdminJson json;

    TrustResource(AdminApi.Trust trust, AdminJson json) {
        this.trust = trust;
        this.json = json;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.authenticated("POST", "/anchor", this::importAnchor),
                AdminRoute.authenticated("GET", "/configuration", this::configuration),
                AdminRoute.authenticated("POST", "/configuration/refresh", this::refresh),
                AdminRoute.authenticated("GET", "/ocsp", this::ocsp));
    }

    /** The body is the anchor file itself; once it is stored, the configuration is downloaded at once. */
    private HttpResponse importAnchor(HttpRequest request) {
        ConfigurationAnchor anchor = trust.anchorImport().importAnchor(request.body());
        ConfigurationStatus status = trust.configuration().refreshNow();
        trust.ocsp().refreshNow();
        ObjectNode node = json.object().put("instance", anchor.instance())
                .put("signingCertificates", anchor.signingCertificates().size());
        node.set("downloadUrls", json.array(anchor.downloadUrls(), u -> json.object().textNode(u.toString())));
        node.set("configuration", status(status));
        return json.respond(200, node);
    }

    private HttpResponse configuration(HttpRequest request) {
        return json.respond(200, status(trust.configuration().status()));
    }

    /** Downloads the configuration now, as the schedule would; the answer is the status after it. */
    private HttpResponse refresh(HttpRequest request) {
        return json.respond(200, status(trust.configuration().refreshNow()));
    }

    private HttpResponse ocsp(HttpRequest request) {
        return json.respond(200, json.array(trust.ocsp().status(), this::ocsp));
    }

    private ObjectNode status(ConfigurationStatus s) {
        ObjectNode node = json.object().put("valid", s.valid()).put("at", s.at().toString())
                .put("generation", s.generation()).put("expiresAt", text(s.expiresAt()))
                .put("lastSuccess", text(s.lastSuccess())).put("consecutiveFailures", s.consecutiveFailures());
        node.set("lastError", s.lastError().<JsonNode>map(e -> json.object()
                .put("at", e.at().toString()).put("code", e.code()).put("detail", e.detail()))
                .orElse(json.object().nullNode()));
        return node;
    }

    private ObjectNode ocsp(OwnOcspStatus s) {
        return json.object().put("certificateHash", s.certificateHash().hex()).put("usage", s.usage())
                .put("status", s.status().name()).put("thisUpdate", text(s.thisUpdate()))
                .put("freshUntil", text(s.freshUntil())).put("fresh", s.fresh())
                .put("nextFetch", text(s.nextFetch())).put("lastError", s.lastError().orElse(null));
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
