// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.health.HealthReport;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.admin.ApiToken;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API's JSON adapter: records to JSON and request bodies to records. Identifiers travel in
 * path form ({@code DEV/GOV/1001/SUB}); a malformed body or field is {@code BadRequest}.
 */
final class AdminJson {

    private final ObjectMapper json;

    AdminJson(ObjectMapper json) {
        this.json = json;
    }

    HttpResponse respond(int status, JsonNode body) {
        try {
            return HttpResponse.json(status, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a response", e);
        }
    }

    <T> ArrayNode array(Collection<T> items, Function<T, JsonNode> each) {
        ArrayNode array = json.createArrayNode();
        items.forEach(item -> array.add(each.apply(item)));
        return array;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** The request body, which must be a JSON object. */
    ObjectNode body(HttpRequest request) {
        try {
            JsonNode node = json.readTree(request.body());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw ZholException.client(ErrorCode.BAD_REQUEST, "The request body must be a JSON object");
    }

    static Optional<String> text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field " + field + " must be a string");
        }
        return Optional.of(node.asText());
    }

    static String required(ObjectNode body, String field) {
        return text(body, field).orElseThrow(() ->
                ZholException.client(ErrorCode.BAD_REQUEST, "The field " + field + " is required"));
    }

    static Optional<Boolean> bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field " + field + " must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    ObjectNode client(LocalClient client) {
        return object().put("id", client.id().toPath()).put("status", client.status().name())
                .put("createdAt", client.createdAt().toString());
    }

    ObjectNode service(LocalService s) {
        ObjectNode node = object().put("id", s.id().toPath()).put("serviceCode", s.id().serviceCode())
                .put("serviceVersion", s.id().serviceVersion().orElse(null)).put("type", s.type().name())
                .put("url", s.url().toString()).put("descriptionUrl", s.descriptionUrl().map(URI::toString).orElse(null));
        return node.put("timeoutSeconds", s.timeout().toSeconds()).put("enabled", s.enabled());
    }

    /** A service from a body; the code and version come from the body or, for an update, the path. */
    static LocalService service(SubsystemId client, ObjectNode body, Optional<ServiceId> fromPath) {
        ServiceId id = fromPath.orElseGet(() -> new ServiceId(client, required(body, "serviceCode"),
                text(body, "serviceVersion")));
        ServiceType type = parseType(required(body, "type"));
        URI url = LocalService.parseUrl("url", text(body, "url").orElse(null));
        Optional<URI> description = text(body, "descriptionUrl").map(u -> LocalService.parseUrl("descriptionUrl", u));
        JsonNode timeout = body.get("timeoutSeconds");
        if (timeout != null && !timeout.isNull() && !timeout.canConvertToInt()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field timeoutSeconds must be a whole number");
        }
        Duration t = timeout == null || timeout.isNull() ? LocalService.DEFAULT_TIMEOUT
                : Duration.ofSeconds(timeout.intValue());
        return new LocalService(id, type, url, description, t, bool(body, "enabled").orElse(true));
    }

    ObjectNode right(AccessRight right) {
        return object().put("serviceCode", right.serviceCode()).put("subject", right.subject().toPath())
                .put("subjectType", right.subject().objectType().name())
                .put("method", right.endpoint().methodText()).put("path", right.endpoint().path().pattern());
    }

    static AccessRight right(SubsystemId client, ObjectNode body) {
        return new AccessRight(client, required(body, "serviceCode"),
                AccessRight.parseSubject(required(body, "subject")),
                Endpoint.parse(text(body, "method").orElse(null), text(body, "path").orElse(null)));
    }

    ObjectNode token(ApiToken token) {
        return object().put("name", token.name()).put("role", token.role().name())
                .put("createdAt", token.createdAt().toString()).put("revoked", token.revoked());
    }

    ObjectNode health(HealthReport report) {
        ObjectNode node = object().put("status", report.healthy() ? "UP" : "DOWN")
                .put("maintenance", report.maintenance());
        node.set("checks", array(report.checks(), r -> object().put("name", r.name())
                .put("ok", r.status().ok()).put("reason", r.status().reason().orElse(null))));
        return node;
    }

    private static ServiceType parseType(String type) {
        try {
            return ServiceType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field type must be REST or SOAP");
        }
    }
}
