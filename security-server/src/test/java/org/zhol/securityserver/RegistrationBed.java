// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.VerifiedManagementRequest;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.testing.MutableClock;

/**
 * A security server with everything it talks to, on loopback in a temporary directory: a test CA with
 * an OCSP responder, a central server that publishes configuration generations, and its registration
 * listener over HTTPS ({@link RegistrationListenerStub}), which applies approved requests to this
 * server's entry and publishes them in the next generation. Time is a {@link MutableClock}; the
 * server's background work runs on short real intervals.
 */
final class RegistrationBed implements AutoCloseable {

    static final MemberId OWNER = MemberId.parse("DEV/GOV/1001");
    static final MemberId OTHER = MemberId.parse("DEV/COM/2002");
    static final SecurityServerId SERVER = new SecurityServerId(OWNER, "SS1");
    static final SubsystemId PROVIDER = OWNER.subsystem("PROVIDER");
    static final SubsystemId SHOP = OTHER.subsystem("SHOP");
    static final PinSource PIN = PinSource.of("bed-pin-1234".toCharArray());

    final Path dir;
    final MutableClock clock = new MutableClock(Instant.now());
    final TestPki.Issuer ca = TestPki.rootCa("CN=Bed CA, O=Zhol");
    final TrustServers.CentralServer central = new TrustServers.CentralServer("DEV");
    final TrustServers.OcspResponder responder = new TrustServers.OcspResponder(ca, clock);
    final RegistrationListenerStub registration;
    final ConfigurationSigningKey signingKey = SecurityServerTrustEndToEndTest.signingKey();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    private final TrustParameters trust;
    private long generation;
    private volatile GlobalConfiguration current;
    // This server's entry at the "central server", changed by approved requests.
    private String address;
    private final Set<CertificateHash> authHashes = new LinkedHashSet<>();
    private final Set<ClientId> clients = new LinkedHashSet<>();
    private boolean maintenance;
    SecurityServer server;
    String base;
    String token;

    /** @param trust the trust parameters of every generation (OCSP freshness, configuration expiry) */
    RegistrationBed(Path dir, TrustParameters trust) {
        this.dir = dir;
        this.trust = trust;
        this.registration = new RegistrationListenerStub(() -> current, clock, this::apply);
    }

    private SecurityServerConfig.RegistrationSection section = new SecurityServerConfig.RegistrationSection(null,
            null, 10, 1, 1);

    SecurityServerConfig config() {
        return SecurityServerConfig.DEFAULTS.withIdentity(OWNER, "SS1", dir)
                .withListeners(SecurityServerConfig.Listeners.ephemeral()).withRegistration(section);
    }

    /** Another registration section for the next start. */
    void configure(SecurityServerConfig.RegistrationSection next) {
        section = next;
    }

    /** Starts the CA's responder, the central server with generation 1 and the registration listener. */
    RegistrationBed startOutside() throws Exception {
        responder.start();
        central.start();
        registration.start();
        publish();
        new TokenInit(PIN).run(config(), null);
        return this;
    }

    /**
     * Starts the security server, refreshing its configuration every {@code refresh}. The anchor is in
     * place before the first start (as if imported earlier), so that the configuration client's first
     * download succeeds and no back-off retries download behind a test's back; {@link #provision} still
     * imports it through the admin API.
     */
    SecurityServer startServer(Duration refresh) throws Exception {
        Path anchor = dir.resolve(TrustServices.GLOBALCONF_DIRECTORY).resolve("anchor.json");
        if (!java.nio.file.Files.exists(anchor)) {
            java.nio.file.Files.createDirectories(anchor.getParent());
            java.nio.file.Files.write(anchor, anchorBytes());
        }
        server = new SecurityServer(config(), PIN, new TrustServices.Timing(clock, Duration.ofMillis(50), refresh))
                .start();
        base = "http://127.0.0.1:" + server.adminPort();
        if (token == null) {
            token = server.tokens().issue("bed", ApiRole.ADMIN).secret();
        }
        return server;
    }

    /**
     * Through the admin API: the anchor, an AUTH key and SIGN keys for the owner and {@code others}, with
     * certificates from the CA (their OCSP answered by the responder), and the registration listener's URL
     * and pin. Waits until the server is healthy.
     */
    void provision(MemberId... others) throws Exception {
        provisionWithoutPin(others);
        call("PUT", "/registration/central", body("url", registration.url(), "tlsSha256",
                registration.pin().hex())).expect(200);
    }

    /** As {@link #provision}, without telling the server where the registration listener is. */
    void provisionWithoutPin(MemberId... others) throws Exception {
        call("POST", "/anchor", anchorBytes()).expect(200);
        certify(ca.issue(TestPki.Spec.auth("CN=SS1, O=GOV"), key("AUTH", null, "CN=SS1, O=GOV")));
        List<MemberId> members = new ArrayList<>(List.of(OWNER));
        members.addAll(List.of(others));
        for (MemberId member : members) {
            String subject = "CN=" + member.memberCode() + ", O=" + member.memberClass() + ", serialNumber="
                    + member.toPath();
            certify(ca.issue(TestPki.Spec.sign(subject), key("SIGN", member.toPath(), subject)));
        }
        await("healthy", () -> call("GET", "/health", null), r -> r.status() == 200);
    }

    byte[] anchorBytes() {
        return ConfigurationAnchorCodec.encode(new ConfigurationAnchor("DEV", List.of(central.url()),
                List.of(signingKey.certificate())));
    }

    private PublicKey key(String role, String member, String subject) throws Exception {
        Reply key = call("POST", "/keys", member == null ? body("role", role) : body("role", role, "member", member))
                .expect(201);
        String pem = call("POST", "/keys/" + key.json().get("keyId").asText() + "/csr", body("subject", subject))
                .expect(200).json().get("csr").asText();
        return new JcaPKCS10CertificationRequest(Base64.getMimeDecoder().decode(
                pem.replaceAll("-----[A-Z ]+-----", "").strip())).getPublicKey();
    }

    private void certify(X509Certificate certificate) throws Exception {
        responder.know(certificate);
        call("POST", "/certificates", body("certificate", TestPki.pem(certificate))).expect(200);
    }

    /** The current generation's content: this server's entry once it has an authentication certificate. */
    synchronized GlobalConfiguration configuration() {
        List<org.zhol.protocol.globalconf.SecurityServer> servers = authHashes.isEmpty() ? List.of()
                : List.of(new org.zhol.protocol.globalconf.SecurityServer(SERVER,
                address, List.copyOf(authHashes), List.copyOf(clients), maintenance));
        return new GlobalConfiguration("DEV", List.of(new MemberClass("GOV", "Government"),
                new MemberClass("COM", "Companies")),
                List.of(new Member(OWNER, "Owner", List.of(PROVIDER)), new Member(OTHER, "Other", List.of(SHOP))),
                servers, List.of(), List.of(new ApprovedCa("Bed CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(responder.url(), Optional.empty())), "default")),
                List.of(), trust);
    }

    /** Publishes the next generation, generated now. */
    synchronized long publish() {
        generation++;
        current = configuration();
        central.publish(generation, new GlobalConfWriter(signingKey).write(current, generation, clock.instant()));
        return generation;
    }

    private synchronized void apply(VerifiedManagementRequest verified) {
        switch (verified.request()) {
            case AuthCertRegistration r -> {
                authHashes.add(CertificateHash.of(r.authCertificateDer()));
                address = r.address();
            }
            case ClientRegistration r -> clients.add(r.client());
            case ClientDeletion r -> clients.remove(r.client());
            case AddressChange r -> address = r.address();
            case MaintenanceMode r -> maintenance = r.enabled();
        }
        publish();
    }

    /** Waits until every kept request is final, downloading the configuration now and then. */
    JsonNode awaitSettled() throws Exception {
        return await("requests settled", () -> {
            call("POST", "/configuration/refresh", null);
            return call("GET", "/registration/requests", null);
        }, r -> r.json().findValuesAsText("status").stream().noneMatch(s -> s.equals("SENDING")
                || s.equals("SUBMITTED"))).json();
    }

    record Reply(int status, String text, JsonNode json) {
        Reply expect(int expected) {
            assertThat(status).as(text).isEqualTo(expected);
            return this;
        }

        String code() {
            return json.path("type").asText();
        }
    }

    byte[] body(Object... fields) throws Exception {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
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

    /** A call. */
    @FunctionalInterface
    interface Call {
        Reply call() throws Exception;
    }

    static Reply await(String what, Call call, Predicate<Reply> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply last = call.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + last.text());
            }
            Thread.sleep(50);
            last = call.call();
        }
        return last;
    }

    /** The command line against this server's admin API: exit code and output. */
    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--admin-url", base, "--token", token));
        int exit = SecurityServerMain.commandLine().setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Stops the server (when running) and everything outside. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        registration.close();
        central.close();
        responder.close();
    }
}
