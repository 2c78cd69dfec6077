// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.HttpFaults;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;
import org.zhol.server.store.TestDatabases;

/** A real HTTP listener on loopback, behind the token check, with tokens stored on H2 and PostgreSQL. */
@Tag("security")
class TokenAuthenticatorTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rolesAndTokensAreEnforced(TestDatabases.Kind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), "classpath:db/support")) {
            ApiTokens tokens = new ApiTokens(new SqlApiTokenStore(db), new SecureRandom());
            IssuedToken admin = tokens.issue("admin", ApiRole.ADMIN);
            IssuedToken reader = tokens.issue("reader", ApiRole.READ_ONLY);
            Router router = Router.builder()
                    .get("/things/{name}", r -> HttpResponse.text(200, "thing " + r.pathParam("name")))
                    .post("/things", r -> HttpResponse.text(201, "made " + r.bodyText()))
                    .get("/boom", r -> {
                        throw new IllegalStateException("secret internals");
                    })
                    .get("/missing", r -> {
                        throw ZholException.client(ErrorCode.NOT_FOUND, "No such thing");
                    })
                    .build();
            HttpServerConfig config = HttpServerConfig.plain("test-admin", "127.0.0.1", 0).withMaxBodyBytes(1024);
            try (HttpServer server = new HttpServer(config,
                    new TokenAuthenticator(tokens, router, new HttpFaults(json)), json).start()) {
                String base = "http://127.0.0.1:" + server.port();

                assertThat(get(base + "/things/a", "Bearer " + reader.secret()).body()).isEqualTo("thing a");
                assertThat(get(base + "/things/b", "X-Road-ApiKey token=" + admin.secret()).statusCode())
                        .isEqualTo(200);
                assertThat(post(base + "/things", "Bearer " + admin.secret(), "x").statusCode()).isEqualTo(201);

                var denied = post(base + "/things", "Bearer " + reader.secret(), "x");
                assertThat(denied.statusCode()).isEqualTo(403);
                assertThat(type(denied.body())).isEqualTo("AccessDenied");

                assertThat(get(base + "/things/a", null).statusCode()).isEqualTo(401);
                assertThat(get(base + "/things/a", "Bearer zhol_forged").statusCode()).isEqualTo(401);
                assertThat(new SqlApiTokenStore(db).revoke("reader")).isTrue();
                assertThat(get(base + "/things/a", "Bearer " + reader.secret()).statusCode()).isEqualTo(401);

                var missing = get(base + "/missing", "Bearer " + admin.secret());
                assertThat(missing.statusCode()).isEqualTo(404);
                assertThat(type(missing.body())).isEqualTo("NotFound");
                assertThat(get(base + "/nowhere", "Bearer " + admin.secret()).statusCode()).isEqualTo(404);
                assertThat(post(base + "/things/a", "Bearer " + admin.secret(), "").statusCode()).isEqualTo(405);

                var boom = get(base + "/boom", "Bearer " + admin.secret());
                assertThat(boom.statusCode()).isEqualTo(500);
                assertThat(boom.body()).doesNotContain("secret internals").contains("InternalError");

                assertThat(post(base + "/things", "Bearer " + admin.secret(), "y".repeat(2048)).statusCode())
                        .isEqualTo(413);
            }
            assertThat(new SqlApiTokenStore(db).list()).extracting(ApiToken::name).containsExactly("admin", "reader");
        }
    }

    private java.net.http.HttpResponse<String> get(String url, String authorization) throws Exception {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return client.send(builder.build(), BodyHandlers.ofString());
    }

    private java.net.http.HttpResponse<String> post(String url, String authorization, String body) throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private String type(String body) throws Exception {
        JsonNode node = json.readTree(body);
        return node.get("type").asText();
    }
}
