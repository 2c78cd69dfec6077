// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.TokenInit;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.health.HealthCheck;
import org.zhol.securityserver.health.HealthStatus;
import org.zhol.securityserver.registry.Groups;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.admin.ApiRole;

/** The real server on free ports in a temporary directory, driven over its admin API. */
class SecurityServerEndToEndTest {

    static final String CLIENT = "/clients/DEV:GOV:1001:PROVIDER";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private static final PinSource PIN = PinSource.of("1234".toCharArray());

    /** The server, its token initialised with {@link #PIN} (idempotent), started. */
    private SecurityServer started() {
        new TokenInit(PIN).run(config(), null);
        return new SecurityServer(config(), PIN).start();
    }

    private SecurityServerConfig config() {
        return SecurityServerConfig.DEFAULTS.withIdentity(MemberId.parse("DEV/GOV/1001"), "SS1", dir)
                .withListeners(SecurityServerConfig.Listeners.ephemeral());
    }

    @Test
    void adminApiHealthAndRestart() throws Exception {
        String admin;
        String reader;
        try (SecurityServer server = started()) {
            admin = server.tokens().issue("admin", ApiRole.ADMIN).secret();
            reader = server.tokens().issue("reader", ApiRole.READ_ONLY).secret();
            String base = "http://127.0.0.1:" + server.adminPort();

            assertThat(send(base, "GET", "/clients", null, null).statusCode()).isEqualTo(401);
            assertThat(send(base, "GET", "/clients", "zhol_nope", null).statusCode()).isEqualTo(401);
            HttpResponse<String> readOnlyWrite = send(base, "POST", "/clients", reader, "{\"id\":\"DEV/GOV/1001/X\"}");
            assertThat(readOnlyWrite.statusCode()).isEqualTo(403);
            assertThat(field(readOnlyWrite, "type")).isEqualTo("AccessDenied");

            assertThat(send(base, "POST", "/clients", admin, "{\"id\":\"DEV/GOV/1001/PROVIDER\"}").statusCode())
                    .isEqualTo(201);
            assertThat(field(send(base, "GET", CLIENT, reader, null), "status")).isEqualTo("SAVED");
            assertThat(send(base, "GET", "/clients/DEV:GOV:1001:NOPE", admin, null).statusCode()).isEqualTo(404);
            assertThat(field(send(base, "POST", "/clients", admin, "{\"id\":\"DEV/GOV\"}"), "type"))
                    .isEqualTo("BadRequest");
            assertThat(send(base, "POST", "/clients", admin, "not json").statusCode()).isEqualTo(400);

            HttpResponse<String> rest = send(base, "POST", CLIENT + "/services", admin, """
                    {"serviceCode":"persons","type":"REST","url":"http://127.0.0.1:9000/api",
                     "descriptionUrl":"http://127.0.0.1:9000/openapi.yaml","timeoutSeconds":30}""");
            assertThat(rest.statusCode()).isEqualTo(201);
            assertThat(field(rest, "id")).isEqualTo("DEV/GOV/1001/PROVIDER/persons");
            assertThat(send(base, "POST", CLIENT + "/services", admin, """
                    {"serviceCode":"getPerson","serviceVersion":"v1","type":"SOAP","url":"https://is.example/soap",
                     "descriptionUrl":"https://is.example/soap?wsdl"}""").statusCode()).isEqualTo(201);
            HttpResponse<String> badUrl = send(base, "POST", CLIENT + "/services", admin,
                    "{\"serviceCode\":\"x\",\"type\":\"REST\",\"url\":\"ftp://x\"}");
            assertThat(field(badUrl, "type")).isEqualTo("ServiceMalformedUrl");
            assertThat(send(base, "GET", CLIENT + "/services/getPerson:v1", reader, null).statusCode()).isEqualTo(200);
            assertThat(field(send(base, "GET", CLIENT + "/services/getPerson", reader, null), "type"))
                    .isEqualTo("UnknownService");

            String grant = "{\"serviceCode\":\"persons\",\"subject\":\"DEV/COM/2002/CONSUMER\","
                    + "\"method\":\"GET\",\"path\":\"/persons/{id}\"}";
            assertThat(send(base, "POST", CLIENT + "/access-rights", admin, grant).statusCode()).isEqualTo(201);
            assertThat(send(base, "POST", CLIENT + "/access-rights", admin, grant).statusCode()).isEqualTo(200);
            assertThat(send(base, "POST", CLIENT + "/access-rights", admin,
                    "{\"serviceCode\":\"getPerson\",\"subject\":\"DEV/trusted\"}").statusCode()).isEqualTo(201);
            assertThat(send(base, "POST", CLIENT + "/access-rights", admin,
                    "{\"serviceCode\":\"getPerson\",\"subject\":\"DEV/COM/2002\",\"path\":\"/x\"}").statusCode())
                    .isEqualTo(400);
            JsonNode rights = json.readTree(send(base, "GET", CLIENT + "/access-rights?serviceCode=persons", reader,
                    null).body());
            assertThat(rights).hasSize(1);
            assertThat(rights.get(0).get("subjectType").asText()).isEqualTo("SUBSYSTEM");

            // The exchange will ask the registry exactly this.
            assertThat(server.registry().authorize(SubsystemId.parse("DEV/COM/2002/CONSUMER"),
                    SubsystemId.parse("DEV/GOV/1001/PROVIDER").service("persons"), Optional.of(RestMethod.GET),
                    Optional.of("/persons/42"), Groups.none()).url()).hasToString("http://127.0.0.1:9000/api");

            // No anchor has been imported: the trust checks fail, the database and maintenance pass.
            HttpResponse<String> noTrust = send(base, "GET", "/health", null, null);
            assertThat(noTrust.statusCode()).isEqualTo(503);
            assertThat(field(noTrust, "status")).isEqualTo("DOWN");
            JsonNode checks = json.readTree(noTrust.body()).get("checks");
            assertThat(checks).extracting(c -> c.get("name").asText()).containsExactly("maintenance", "database",
                    "configuration-valid", "ocsp-fresh", "auth-key-usable", "timestamping");
            assertThat(checks).extracting(c -> c.get("ok").asBoolean()).containsExactly(true, true, false, false, false,
                    true);

            server.health().register(new Failing());
            HttpResponse<String> sick = send(base, "GET", "/health", null, null);
            assertThat(sick.statusCode()).isEqualTo(503);
            assertThat(sick.body()).contains("\"authKey\"").contains("No auth key is registered");

            assertThat(send(base, "PUT", "/maintenance", admin, "{\"enabled\":true}").statusCode()).isEqualTo(200);
            assertThat(send(base, "GET", "/openapi.json", null, null).statusCode()).isEqualTo(200);
            assertThat(field(send(base, "GET", "/server", reader, null), "serverId")).isEqualTo("DEV/GOV/1001/SS1");
        }

        try (SecurityServer server = started()) {
            String base = "http://127.0.0.1:" + server.adminPort();
            assertThat(json.readTree(send(base, "GET", "/clients", reader, null).body())).hasSize(1);
            assertThat(json.readTree(send(base, "GET", CLIENT + "/services", reader, null).body())).hasSize(2);
            assertThat(json.readTree(send(base, "GET", CLIENT + "/access-rights", reader, null).body())).hasSize(2);
            HttpResponse<String> health = send(base, "GET", "/health", null, null);
            assertThat(health.statusCode()).as("maintenance survives a restart").isEqualTo(503);
            assertThat(json.readTree(health.body()).get("maintenance").asBoolean()).isTrue();

            assertThat(send(base, "POST", CLIENT + "/access-rights/delete", admin, "{\"serviceCode\":\"persons\","
                    + "\"subject\":\"DEV/COM/2002/CONSUMER\",\"method\":\"GET\",\"path\":\"/persons/{id}\"}").statusCode())
                    .isEqualTo(204);
            assertThat(send(base, "DELETE", CLIENT + "/services/getPerson:v1", admin, null).statusCode()).isEqualTo(204);
            assertThat(json.readTree(send(base, "GET", CLIENT + "/access-rights", reader, null).body())).isEmpty();

            HttpResponse<String> issued = send(base, "POST", "/tokens", admin, "{\"name\":\"ci\",\"role\":\"READ_ONLY\"}");
            assertThat(issued.statusCode()).isEqualTo(201);
            String ci = field(issued, "token");
            assertThat(send(base, "GET", "/clients", ci, null).statusCode()).isEqualTo(200);
            assertThat(send(base, "GET", "/tokens", admin, null).body()).doesNotContain(ci);
            assertThat(send(base, "DELETE", "/tokens/ci", admin, null).statusCode()).isEqualTo(204);
            assertThat(send(base, "GET", "/clients", ci, null).statusCode()).isEqualTo(401);
            assertThat(send(base, "DELETE", CLIENT, admin, null).statusCode()).isEqualTo(204);
            assertThat(send(base, "PUT", "/maintenance", admin, "{\"enabled\":false}").statusCode()).isEqualTo(200);
            HttpResponse<String> afterMaintenance = send(base, "GET", "/health", null, null);
            assertThat(json.readTree(afterMaintenance.body()).get("maintenance").asBoolean()).isFalse();
            assertThat(json.readTree(afterMaintenance.body()).get("checks").get(0).get("ok").asBoolean()).isTrue();
        }
    }

    /** A check that fails, as an auth-key check does on a server with no key yet. */
    private static final class Failing implements HealthCheck {
        @Override
        public String name() {
            return "authKey";
        }

        @Override
        public HealthStatus check() {
            return HealthStatus.failing("No auth key is registered");
        }
    }

    private HttpResponse<String> send(String base, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private String field(HttpResponse<String> response, String name) throws Exception {
        return json.readTree(response.body()).path(name).asText();
    }
}
