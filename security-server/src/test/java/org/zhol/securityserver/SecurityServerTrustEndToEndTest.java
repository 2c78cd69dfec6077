// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.testing.MutableClock;
import picocli.CommandLine;

/**
 * The whole server with its trust, on loopback ports in a temporary directory: init with a PIN, keys
 * and CSRs over the admin API, certificates from a test CA, a configuration anchor whose central server
 * lists that CA with an OCSP responder, then {@code /health} green; an OCSP outage past freshness (a
 * moved clock) turns it red; a wrong PIN refuses to start; a restart with the central server and the
 * responder down brings everything back from disk without a network call.
 */
class SecurityServerTrustEndToEndTest {

    static final MemberId OWNER = MemberId.parse("DEV/GOV/1001");
    static final PinSource PIN = PinSource.of("s3cret-pin".toCharArray());
    /** Short OCSP freshness, long configuration expiry: moving past the one keeps the other valid. */
    static final TrustParameters TRUST = new TrustParameters(Duration.ofMinutes(10), Duration.ofSeconds(60),
            Duration.ofDays(1));

    @TempDir
    Path dir;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    final MutableClock clock = new MutableClock(Instant.now());
    final TestPki.Issuer ca = TestPki.rootCa("CN=E2E CA, O=Zhol");
    final TrustServers.CentralServer centralServer = new TrustServers.CentralServer("DEV");
    final TrustServers.OcspResponder responder = new TrustServers.OcspResponder(ca, clock);
    String base;
    String token;

    @AfterEach
    void stop() {
        centralServer.close();
        responder.close();
    }

    SecurityServerConfig config() {
        return SecurityServerConfig.DEFAULTS.withIdentity(OWNER, "SS1", dir)
                .withListeners(SecurityServerConfig.Listeners.ephemeral());
    }

    SecurityServer server(PinSource pin, Duration configurationRefresh) {
        return new SecurityServer(config(), pin,
                new TrustServices.Timing(clock, Duration.ofMillis(50), configurationRefresh));
    }

    @Test
    void keysAnchorOcspHealthOutageAndRestart() throws Exception {
        new TokenInit(PIN).run(config(), null);
        responder.start();
        centralServer.start();
        Instant t0 = clock.instant();
        try (SecurityServer server = server(PIN, Duration.ofSeconds(2)).start()) {
            base = "http://127.0.0.1:" + server.adminPort();
            token = server.tokens().issue("e2e", ApiRole.ADMIN).secret();

            X509Certificate auth = ca.issue(TestPki.Spec.auth("CN=SS1, O=GOV"), keyAndCsr("AUTH", null, "tls",
                    "CN=SS1, O=GOV"));
            X509Certificate sign = ca.issue(TestPki.Spec.sign("CN=1001, O=GOV, serialNumber=DEV/GOV/1001"),
                    keyAndCsr("SIGN", "DEV/GOV/1001", "signing", "CN=1001, O=GOV, serialNumber=DEV/GOV/1001"));
            responder.know(auth);
            responder.know(sign);
            // PEM for one, base64 DER for the other.
            assertThat(call("POST", "/certificates", body("certificate", TestPki.pem(auth))).status).isEqualTo(200);
            Reply imported = call("POST", "/certificates",
                    body("certificate", Base64.getEncoder().encodeToString(sign.getEncoded())));
            assertThat(imported.json.at("/certificates/0/subject").asText()).contains("CN=1001");
            assertThat(call("GET", "/health", null).status).isEqualTo(503);

            centralServer.publish(1, new GlobalConfWriter(signingKey).write(configuration(), 1, clock.instant()));
            Reply anchor = call("POST", "/anchor", ConfigurationAnchorCodec.encode(new ConfigurationAnchor("DEV",
                    List.of(centralServer.url()), List.of(signingKey.certificate()))));
            assertThat(anchor.status).as(anchor.text).isEqualTo(200);
            assertThat(anchor.json.at("/configuration/valid").asBoolean()).isTrue();

            Reply healthy = awaitHealth(r -> r.status == 200);
            assertThat(healthy.json.get("checks")).extracting(c -> c.get("name").asText()).containsExactly(
                    "maintenance", "database", "configuration-valid", "ocsp-fresh", "auth-key-usable", "timestamping");
            assertThat(call("GET", "/ocsp", null).json).hasSize(2)
                    .allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("GOOD"));
            assertThat(call("GET", "/configuration", null).json.get("generation").asLong()).isEqualTo(1);
            assertThat(call("GET", "/keys", null).json).hasSize(2)
                    .allSatisfy(k -> assertThat(k.get("certificates")).hasSize(1));
            assertThat(cli("status").out).contains("UP").contains("ocsp-fresh").contains("configuration: valid")
                    .contains("GOOD");
            assertThat(cli("keys", "list").out).contains("AUTH").contains("SIGN").contains("DEV/GOV/1001");

            // The responder goes away and time passes beyond the freshness of the responses.
            responder.close();
            clock.advance(Duration.ofMinutes(11));
            Reply stale = awaitHealth(r -> r.status == 503);
            assertThat(check(stale, "ocsp-fresh").get("reason").asText()).contains("is stale since");
            assertThat(check(stale, "auth-key-usable").get("reason").asText()).contains("fresh OCSP");
            assertThat(check(stale, "configuration-valid").get("ok").asBoolean()).isTrue();
        }

        centralServer.close();
        int ocspRequests = responder.requests();
        int configurationRequests = centralServer.requests();

        ZholException wrongPin = (ZholException) catchThrowable(() ->
                server(PinSource.of("wrong".toCharArray()), Duration.ofHours(1)).start());
        assertThat(wrongPin.code()).isEqualTo(ErrorCode.PIN_INCORRECT);
        assertThat(wrongPin.detail()).contains("PIN").contains("locked").doesNotContain("wrong");
        SecurityServer notStarted = server(PinSource.of("wrong".toCharArray()), Duration.ofHours(1));
        assertThatThrownBy(notStarted::start).isInstanceOf(ZholException.class);
        assertThatThrownBy(notStarted::adminPort).isInstanceOf(IllegalStateException.class);

        // Back to when the stored responses were fresh: everything comes back from disk alone.
        clock.set(t0.plus(Duration.ofMinutes(1)));
        try (SecurityServer server = server(PIN, Duration.ofHours(1)).start()) {
            base = "http://127.0.0.1:" + server.adminPort();
            Reply health = call("GET", "/health", null);
            assertThat(health.status).as(health.text).isEqualTo(200);
            JsonNode configuration = call("GET", "/configuration", null).json;
            assertThat(configuration.get("valid").asBoolean()).isTrue();
            assertThat(configuration.get("generation").asLong()).isEqualTo(1);
            assertThat(configuration.get("lastError").isNull()).isTrue();
            assertThat(call("GET", "/keys", null).json).hasSize(2)
                    .allSatisfy(k -> assertThat(k.get("certificates")).hasSize(1));
            Thread.sleep(300); // several OCSP scheduler ticks
            assertThat(call("GET", "/health", null).status).isEqualTo(200);
        }
        assertThat(responder.requests()).isEqualTo(ocspRequests);
        assertThat(centralServer.requests()).isEqualTo(configurationRequests);
    }

    final ConfigurationSigningKey signingKey = signingKey();

    static ConfigurationSigningKey signingKey() {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = TestPki.rootCa("CN=Conf Root").issue(TestPki.Spec.sign("CN=Conf signer"),
                keys.getPublic());
        return new ConfigurationSigningKey(keys.getPrivate(), cert);
    }

    GlobalConfiguration configuration() {
        return new GlobalConfiguration("DEV", List.of(new MemberClass("GOV", "Government")),
                List.of(new Member(OWNER, "Owner", List.of())), List.of(), List.of(),
                List.of(new ApprovedCa("E2E CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(responder.url(), Optional.empty())), "default")),
                List.of(), TRUST);
    }

    /** Generates a key over the API and returns the public key of its CSR. */
    PublicKey keyAndCsr(String role, String member, String label, String subject) throws Exception {
        Reply key = call("POST", "/keys", member == null ? body("role", role, "label", label)
                : body("role", role, "member", member, "label", label));
        assertThat(key.status).as(key.text).isEqualTo(201);
        String keyId = key.json.get("keyId").asText();
        Reply csr = call("POST", "/keys/" + keyId + "/csr", body("subject", subject));
        assertThat(csr.status).as(csr.text).isEqualTo(200);
        String pem = csr.json.get("csr").asText();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        return new JcaPKCS10CertificationRequest(der).getPublicKey();
    }

    record Reply(int status, String text, JsonNode json) {
    }

    byte[] body(String... fields) throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return json.writeValueAsBytes(map);
    }

    Reply call(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        String text = response.body();
        return new Reply(response.statusCode(), text, text.isBlank() ? json.missingNode() : json.readTree(text));
    }

    Reply awaitHealth(Predicate<Reply> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Reply last = call("GET", "/health", null);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("health did not turn as expected: " + last.text);
            }
            Thread.sleep(50);
            last = call("GET", "/health", null);
        }
        return last;
    }

    static JsonNode check(Reply health, String name) {
        for (JsonNode check : health.json.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health.text);
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-url", base, "--token", token));
        CommandLine cli = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
