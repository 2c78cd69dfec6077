// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.securityserver.registration.CentralEndpoint;
import org.zhol.securityserver.registration.CentralSettings;
import org.zhol.securityserver.registration.RegistrationRequest;
import org.zhol.securityserver.registration.RegistrationService;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API over the registration flows: send the management requests (202 with the kept request),
 * list them, show the registration state, and set where the central server is. A fault of the way to the
 * central server (unreachable, TLS pin, unreadable answer) is 502; the central server's refusal keeps
 * its code (400, or 404 for {@code UnknownMember}).
 */
final class RegistrationResource {

    private final AdminApi.Registration registration;
    private final AdminJson json;
    private final HttpFaults faults;

    RegistrationResource(AdminApi.Registration registration, AdminJson json, HttpFaults faults) {
        this.registration = registration;
        this.json = json;
        this.faults = faults;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.authenticated("GET", "/registration", this::state),
                AdminRoute.authenticated("GET", "/registration/central", this::central),
                AdminRoute.authenticated("PUT", "/registration/central", this::setCentral),
                AdminRoute.authenticated("POST", "/registration/auth-cert", sending(this::authCert)),
                AdminRoute.authenticated("PUT", "/registration/address", sending(this::address)),
                AdminRoute.authenticated("PUT", "/registration/maintenance", sending(this::maintenance)),
                AdminRoute.authenticated("POST", "/clients/{client}/registration", sending(this::registerClient)),
                AdminRoute.authenticated("DELETE", "/clients/{client}/registration", sending(this::deleteClient)),
                AdminRoute.authenticated("GET", "/registration/requests", this::requests),
                AdminRoute.authenticated("GET", "/registration/requests/{id}", this::request));
    }

    private RegistrationService service() {
        return registration.service();
    }

    private HttpResponse state(HttpRequest request) {
        RegistrationService.State state = service().state();
        ObjectNode node = json.object().put("generation", state.generation())
                .put("configurationValid", state.valid()).put("registered", state.self().isPresent());
        Optional<SecurityServer> self = state.self();
        node.put("address", self.map(SecurityServer::address).orElse(null));
        node.put("maintenance", self.map(SecurityServer::maintenance).orElse(false));
        node.set("authCertHashes", json.array(self.map(SecurityServer::authCertHashes).orElse(List.of()),
                h -> json.object().textNode(h.hex())));
        node.set("clients", json.array(self.map(SecurityServer::clients).orElse(List.of()),
                c -> json.object().textNode(c.toPath())));
        node.set("central", central(registration.central().view()));
        node.set("openRequests", json.array(state.open(), this::request));
        return json.respond(200, node);
    }

    private HttpResponse central(HttpRequest request) {
        return json.respond(200, central(registration.central().view()));
    }

    private HttpResponse setCentral(HttpRequest request) {
        ObjectNode body = json.body(request);
        Optional<URI> url = AdminJson.text(body, "url").map(RegistrationResource::uri);
        Optional<CertificateHash> pin = AdminJson.text(body, "tlsSha256").map(CentralEndpoint::parsePin);
        if (url.isEmpty() && pin.isEmpty()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Give url, tlsSha256 or both");
        }
        return json.respond(200, central(registration.central().set(url, pin)));
    }

    private RegistrationRequest authCert(HttpRequest request) {
        ObjectNode body = json.body(request);
        return service().registerAuthCertificate(AdminJson.text(body, "keyId"), AdminJson.required(body, "address"));
    }

    private RegistrationRequest address(HttpRequest request) {
        return service().changeAddress(AdminJson.required(json.body(request), "address"));
    }

    private RegistrationRequest maintenance(HttpRequest request) {
        return service().maintenance(AdminJson.bool(json.body(request), "enabled").orElseThrow(() ->
                ZholException.client(ErrorCode.BAD_REQUEST, "The field enabled is required")));
    }

    private RegistrationRequest registerClient(HttpRequest request) {
        return service().registerClient(PathIds.client(request.pathParam("client")));
    }

    private RegistrationRequest deleteClient(HttpRequest request) {
        return service().deleteClient(PathIds.client(request.pathParam("client")));
    }

    private HttpResponse requests(HttpRequest request) {
        return json.respond(200, json.array(service().requests(), this::request));
    }

    private HttpResponse request(HttpRequest request) {
        return json.respond(200, request(service().request(request.pathParam("id"))));
    }

    /** A handler that sends a request: 202 with the kept request; the way's faults are 502. */
    private HttpHandler sending(Sender sender) {
        return request -> {
            try {
                return json.respond(202, request(sender.send(request)));
            } catch (ZholException e) {
                return switch (e.code()) {
                    case NETWORK_ERROR, SSL_AUTHENTICATION_FAILED, HTTP_ERROR, INVALID_RESPONSE ->
                            faults.render(e, 502);
                    default -> throw e;
                };
            }
        };
    }

    /** One sending operation. */
    @FunctionalInterface
    private interface Sender {
        RegistrationRequest send(HttpRequest request);
    }

    private ObjectNode request(RegistrationRequest r) {
        return json.object().put("id", r.id()).put("type", r.type().wireName()).put("subject", r.subject())
                .put("submittedAt", r.submittedAt().toString()).put("baseGeneration", r.baseGeneration())
                .put("status", r.status().name())
                .put("centralState", r.progress().centralState().map(Enum::name).orElse(null))
                .put("detail", r.progress().detail().orElse(null))
                .put("updatedAt", r.progress().updatedAt().toString());
    }

    private ObjectNode central(CentralSettings.View view) {
        return json.object().put("url", view.url().map(URI::toString).orElse(null))
                .put("urlSource", view.urlSource().name())
                .put("tlsSha256", view.tlsPin().map(CertificateHash::hex).orElse(null))
                .put("tlsSha256Source", view.pinSource().name());
    }

    private static URI uri(String text) {
        try {
            return CentralEndpoint.checkUrl(new URI(text));
        } catch (java.net.URISyntaxException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field url is not a URL");
        }
    }
}
