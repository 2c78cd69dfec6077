// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.AdminHttp.Answer;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.config.ListenerConfig;

/**
 * The real central server in a temporary directory on free ports: tokens and roles, the registry and
 * trust services over the admin API, the configuration source, a restart on the same data, and that
 * every path of the OpenAPI document is routed. Startup times are logged, not asserted.
 */
class CentralServerEndToEndTest {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServerEndToEndTest.class);
    private static final MemberId GOV1 = new MemberId("DEV", "GOV", "1");
    /** The production extensions (management requests, publishing), so that every documented path is routed. */
    private static final List<CentralServerExtension> PRODUCTION =
            CentralServerMain.extensions(java.util.Optional.of("test-key-store-password"));

    @TempDir
    Path dir;

    static CentralServerConfig config(Path dir) {
        ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
        return CentralServerConfig.DEFAULTS.withDataDir(dir.resolve("data").toString())
                .withListeners(new CentralServerConfig.Listeners(any, any, any));
    }

    @Test
    void adminApiRegistryConfigurationAndRestart() throws Exception {
        CentralServerConfig config = config(dir);
        String admin = new CentralServerInit(config, PRODUCTION).initialise("DEV").secret();
        long began = System.nanoTime();
        CentralServer server = new CentralServer(config, PRODUCTION).start();
        long firstStart = (System.nanoTime() - began) / 1_000_000;
        long version;
        try {
            AdminHttp api = new AdminHttp(server.ports().get("admin"));
            String readOnly = tokensAndRoles(api, admin);
            version = server.context().configuration().version();
            populate(api, admin);
            assertFaults(api, admin);
            GlobalConfiguration conf = server.context().configuration().current();
            assertThat(server.context().configuration().version()).isGreaterThan(version);
            assertContainsEverything(conf);
            assertThat(api.call("GET", "/members", readOnly, null).body()).hasSize(2);
            version = server.context().configuration().version();
        } finally {
            server.close();
        }
        began = System.nanoTime();
        try (CentralServer again = new CentralServer(config, PRODUCTION).start()) {
            long restart = (System.nanoTime() - began) / 1_000_000;
            LOG.info("Central server startup on H2: first start {} ms, restart {} ms", firstStart, restart);
            System.out.println("STARTUP first=" + firstStart + "ms restart=" + restart + "ms");
            assertThat(again.context().configuration().version()).isEqualTo(version);
            assertContainsEverything(again.context().configuration().current());
            AdminHttp api = new AdminHttp(again.ports().get("admin"));
            Answer status = api.call("GET", "/status", admin, null);
            assertThat(status.body().path("instance").asText()).isEqualTo("DEV");
            assertThat(status.body().path("members").asInt()).isEqualTo(2);
            assertThat(status.body().path("listeners").path("admin").asInt()).isEqualTo(again.ports().get("admin"));
            everyDocumentedPathIsRouted(api, admin);
        }
    }

    @Test
    void startRefusesAnUninitialisedOrForeignDatabaseAndInitRefusesTwice() {
        CentralServerConfig config = config(dir);
        CentralServer uninitialised = new CentralServer(config, List.of());
        assertThatThrownBy(uninitialised::start).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SERVER_CONF));
        assertThatThrownBy(() -> new CentralServerInit(config, List.of()).initialise("bad/code"))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        new CentralServerInit(config, List.of()).initialise("DEV");
        assertThatThrownBy(() -> new CentralServerInit(config, List.of()).initialise("DEV"))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        CentralServer foreign = new CentralServer(config.withInstance("EE"), List.of());
        assertThatThrownBy(foreign::start).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.detail()).contains("EE").contains("DEV"));
        assertThat(foreign.ports()).isEmpty();
    }

    @Test
    void extensionsAreCalledInOrderAndStoppedFirst() throws Exception {
        CentralServerConfig config = config(dir);
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        CentralServerExtension extension = new CentralServerExtension() {
            @Override
            public void initialise(CentralContext context) {
                calls.add("initialise " + context.config().instance());
            }

            @Override
            public void adminRoutes(org.zhol.server.http.Router.Builder routes, CentralContext context) {
                routes.get("/requests", r -> org.zhol.server.http.HttpResponse.json(200,
                        "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }

            @Override
            public void downloadRoutes(org.zhol.server.http.Router.Builder routes, CentralContext context) {
                routes.get("/V1/configuration", r -> org.zhol.server.http.HttpResponse.text(200, "conf"));
            }

            @Override
            public AutoCloseable start(CentralContext context) {
                calls.add("start");
                return () -> calls.add("stop");
            }
        };
        String admin = new CentralServerInit(config, List.of(extension)).initialise("DEV").secret();
        try (CentralServer server = new CentralServer(config, List.of(extension)).start()) {
            AdminHttp api = new AdminHttp(server.ports().get("admin"));
            assertThat(api.call("GET", "/requests", null, null).status()).isEqualTo(401);
            assertThat(api.call("GET", "/requests", admin, null).status()).isEqualTo(200);
            var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.ports().get("download") + "/V1/configuration"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(download.body()).isEqualTo("conf");
        }
        assertThat(calls).containsExactly("initialise DEV", "start", "stop");
    }

    private static String tokensAndRoles(AdminHttp api, String admin) throws Exception {
        assertThat(api.call("GET", "/members", null, null).status()).isEqualTo(401);
        assertThat(api.call("GET", "/members", "zhol_wrong", null).status()).isEqualTo(401);
        assertThat(api.call("GET", "/members", admin, null).status()).isEqualTo(200);
        assertThat(api.call("GET", "/openapi.json", null, null).body().path("openapi").asText()).startsWith("3.0");
        Answer created = api.call("POST", "/tokens", admin, Map.of("name", "reader", "role", "READ_ONLY"));
        assertThat(created.status()).isEqualTo(201);
        String readOnly = created.body().path("token").asText();
        assertThat(readOnly).startsWith("zhol_");
        assertThat(api.call("GET", "/member-classes", readOnly, null).status()).isEqualTo(200);
        Answer refused = api.call("POST", "/member-classes", readOnly, Map.of("code", "X"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("type").asText()).isEqualTo("AccessDenied");
        assertThat(api.call("GET", "/tokens", readOnly, null).status()).isEqualTo(403);
        Answer tokens = api.call("GET", "/tokens", admin, null);
        assertThat(tokens.body().findValuesAsText("name")).containsExactly("admin", "reader");
        assertThat(tokens.body().findValues("token")).isEmpty();
        api.call("POST", "/tokens", admin, Map.of("name", "gone", "role", "ADMIN"));
        String gone = api.call("POST", "/tokens", admin, Map.of("name", "gone2", "role", "ADMIN")).body()
                .path("token").asText();
        assertThat(api.call("DELETE", "/tokens/gone2", admin, null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/members", gone, null).status()).isEqualTo(401);
        return readOnly;
    }

    private static void populate(AdminHttp api, String admin) throws Exception {
        expect(201, api.call("POST", "/member-classes", admin, Map.of("code", "GOV", "description", "Government")));
        expect(201, api.call("POST", "/members", admin, Map.of("memberClass", "GOV", "memberCode", "1", "name", "Tax Board")));
        expect(201, api.call("POST", "/members", admin, Map.of("memberClass", "GOV", "memberCode", "2", "name", "Police")));
        expect(201, api.call("POST", "/members/GOV/1/subsystems", admin, Map.of("subsystemCode", "SUB")));
        expect(200, api.call("PUT", "/members/GOV/2", admin, Map.of("name", "Police Board")));
        TestPki.Issuer root = TestPki.rootCa("CN=Test Root CA");
        TestPki.Issuer intermediate = root.intermediate("CN=Test Intermediate");
        expect(201, api.call("POST", "/cas", admin, Map.of("name", "TestCA", "certificate", TestPki.pem(root.certificate()),
                "intermediates", List.of(TestPki.pem(intermediate.certificate())),
                "ocspResponders", List.of(Map.of("url", "http://127.0.0.1:8888/ocsp")),
                "certificateProfile", "org.zhol.profile.Dev")));
        X509Certificate tsa = root.issue(TestPki.Spec.tsa("CN=Test TSA"), TestPki.ecKeyPair().getPublic());
        expect(201, api.call("POST", "/tsas", admin, Map.of("name", "TestTSA", "url", "http://127.0.0.1:8899/tsa",
                "certificate", Base64.getEncoder().encodeToString(tsa.getEncoded()))));
        X509Certificate auth = intermediate.issue(TestPki.Spec.auth("CN=SS1"), TestPki.ecKeyPair().getPublic());
        expect(201, api.call("POST", "/security-servers", admin, Map.of("memberClass", "GOV", "memberCode", "1",
                "serverCode", "SS1", "address", "ss1.example", "authCertificate", TestPki.pem(auth))));
        expect(201, api.call("POST", "/security-servers/GOV/1/SS1/clients", admin, Map.of("client", "DEV/GOV/1/SUB")));
        expect(200, api.call("PUT", "/security-servers/GOV/1/SS1/maintenance", admin, Map.of("maintenance", true)));
        expect(201, api.call("POST", "/groups", admin, Map.of("code", "owners", "description", "Server owners")));
        expect(201, api.call("POST", "/groups/owners/members", admin, Map.of("member", "DEV/GOV/1")));
        expect(200, api.call("PUT", "/trust-parameters", admin, Map.of("configurationExpirySeconds", 900)));
    }

    private static void assertFaults(AdminHttp api, String admin) throws Exception {
        Answer unknown = api.call("GET", "/members/GOV/404", admin, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("type").asText()).isEqualTo("UnknownMember");
        Answer duplicate = api.call("POST", "/members", admin, Map.of("memberClass", "GOV", "memberCode", "1", "name", "x"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("type").asText()).isEqualTo("InvalidRequest");
        assertThat(api.call("POST", "/members", admin, Map.of("unknownField", 1)).status()).isEqualTo(400);
        Answer badCert = api.call("POST", "/tsas", admin, Map.of("name", "T", "url", "http://t/", "certificate", "AAAA"));
        assertThat(badCert.status()).isEqualTo(400);
        assertThat(badCert.body().path("type").asText()).isEqualTo("IncorrectCertificate");
        assertThat(api.call("GET", "/nothing-here", admin, null).status()).isEqualTo(404);
        assertThat(api.call("PATCH", "/members", admin, null).status()).isEqualTo(405);
    }

    private static void assertContainsEverything(GlobalConfiguration conf) {
        assertThat(conf.instance()).isEqualTo("DEV");
        assertThat(conf.memberClasses()).extracting(c -> c.code()).containsExactly("GOV");
        assertThat(conf.member(GOV1).orElseThrow().subsystems()).containsExactly(GOV1.subsystem("SUB"));
        assertThat(conf.member(new MemberId("DEV", "GOV", "2")).orElseThrow().name()).isEqualTo("Police Board");
        var server = conf.securityServer(new SecurityServerId(GOV1, "SS1")).orElseThrow();
        assertThat(server.clients()).containsExactly(GOV1.subsystem("SUB"));
        assertThat(server.maintenance()).isTrue();
        assertThat(server.authCertHashes()).hasSize(1);
        assertThat(conf.approvedCas()).singleElement().satisfies(ca -> {
            assertThat(ca.name()).isEqualTo("TestCA");
            assertThat(ca.intermediates()).hasSize(1);
            assertThat(ca.ocspResponders()).singleElement()
                    .satisfies(r -> assertThat(r.url()).hasToString("http://127.0.0.1:8888/ocsp"));
        });
        assertThat(conf.approvedTsas()).extracting(t -> t.name()).containsExactly("TestTSA");
        assertThat(conf.isInGroup(GOV1, new org.zhol.protocol.id.GlobalGroupId("DEV", "owners"))).isTrue();
        assertThat(conf.trustParameters().configurationExpiry()).hasSeconds(900);
    }

    /** Each path and method of the OpenAPI document reaches a route: no 404 "No such resource", no 405. */
    private static void everyDocumentedPathIsRouted(AdminHttp api, String admin) throws Exception {
        JsonNode paths = api.call("GET", "/openapi.json", null, null).body().path("paths");
        List<String> unrouted = new ArrayList<>();
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths.properties()::iterator) {
            for (var method : (Iterable<String>) path.getValue()::fieldNames) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "X");
                Answer answer = api.call(method.toUpperCase(java.util.Locale.ROOT), concrete, admin,
                        method.equals("get") || method.equals("delete") ? null : Map.of());
                if (answer.status() == 405 || answer.body().path("message").asText().equals("No such resource")) {
                    unrouted.add(method + " " + path.getKey());
                }
            }
        }
        assertThat(unrouted).isEmpty();
        assertThat(paths.size()).isGreaterThan(25);
    }

    private static void expect(int status, Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    }
}
