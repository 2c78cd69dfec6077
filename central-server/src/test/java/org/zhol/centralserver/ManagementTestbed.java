// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.zhol.centralserver.AdminHttp.Answer;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.management.ManagementEnvelopeCodec;
import org.zhol.protocol.management.ManagementFixture;
import org.zhol.protocol.management.ManagementRequest;
import org.zhol.protocol.management.ManagementRequestSigner;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.config.ListenerConfig;

/**
 * A central server in a temporary directory for management-request tests: initialised with the
 * production extensions, a member class, the fixture's members and subsystems, its CA and a TSA; an
 * admin client and a security server's HTTPS client that pins the registration certificate.
 */
final class ManagementTestbed {

    static final String PASSWORD = "management-test-password";
    static final List<CentralServerExtension> EXTENSIONS = CentralServerMain.extensions(Optional.of(PASSWORD));

    final ManagementFixture pki = ManagementFixture.create(Instant.now().minus(Duration.ofDays(1)));
    final CentralServerConfig config;
    final String admin;
    CentralServer server;
    AdminHttp api;
    private HttpClient registration;

    ManagementTestbed(Path dir, boolean autoApprove) {
        ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
        this.config = CentralServerConfig.DEFAULTS.withDataDir(dir.resolve("data").toString())
                .withListeners(new CentralServerConfig.Listeners(any, any, any)).withPolicy(1, autoApprove)
                .withPublishing(new CentralServerConfig.Publishing("", "", 0, 0));
        this.admin = new CentralServerInit(config, EXTENSIONS).initialise("DEV").secret();
    }

    private int registrationPort;

    /** Starts the server and its clients. */
    ManagementTestbed start() throws Exception {
        server = new CentralServer(config, EXTENSIONS).start();
        attach(server.ports().get("admin"), server.ports().get("registration"));
        return this;
    }

    /** Points the clients at a server running on these ports (in this or another process). */
    void attach(int adminPort, int registrationListenerPort) throws Exception {
        api = new AdminHttp(adminPort);
        registrationPort = registrationListenerPort;
        registration = HttpClient.newBuilder().sslContext(pinned(api.call("GET", "/registration-tls", admin, null)
                .body().path("certificate").asText())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Member classes, the fixture's two members with a subsystem each, the fixture's CA and a TSA. */
    void populate() throws Exception {
        expect(201, api.call("POST", "/member-classes", admin, Map.of("code", "GOV", "description", "Government")));
        expect(201, api.call("POST", "/member-classes", admin, Map.of("code", "COM", "description", "Companies")));
        expect(201, api.call("POST", "/members", admin, Map.of("memberClass", "GOV", "memberCode", "1234",
                "name", "Tax Board")));
        expect(201, api.call("POST", "/members", admin, Map.of("memberClass", "COM", "memberCode", "5678",
                "name", "Shop")));
        expect(201, api.call("POST", "/members/GOV/1234/subsystems", admin, Map.of("subsystemCode", "SUB")));
        expect(201, api.call("POST", "/members/COM/5678/subsystems", admin, Map.of("subsystemCode", "SHOP")));
        expect(201, api.call("POST", "/cas", admin, Map.of("name", "DevCA", "certificate",
                TestPki.pem(pki.root.certificate()), "intermediates", List.of(), "ocspResponders",
                List.of(Map.of("url", "http://127.0.0.1:9/ocsp")), "certificateProfile", DefaultCertificateProfile.ID)));
        X509Certificate tsa = TestPki.rootCa("CN=Dev TSA Root").issue(TestPki.Spec.tsa("CN=Dev TSA"),
                TestPki.ecKeyPair().getPublic());
        expect(201, api.call("POST", "/tsas", admin, Map.of("name", "DevTSA", "url", "http://127.0.0.1:9/tsa",
                "certificate", TestPki.pem(tsa))));
    }

    /** The envelope of {@code request}, signed with the fixture's keys and GOOD OCSP from now. */
    byte[] envelope(ManagementRequest request) {
        return envelope(pki.signer(Instant.now()), request);
    }

    static byte[] envelope(ManagementRequestSigner signer, ManagementRequest request) {
        return ManagementEnvelopeCodec.encode(signer.sign(request, Instant.now()));
    }

    /** Posts {@code body} to the registration listener over HTTPS. */
    Answer submit(byte[] body) throws Exception {
        HttpResponse<byte[]> response = registration.send(HttpRequest.newBuilder(registrationUri("/managementrequests"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return answer(response);
    }

    /** A request's state as the security server sees it. */
    Answer status(String id) throws Exception {
        return answer(registration.send(HttpRequest.newBuilder(registrationUri("/managementrequests/" + id)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    Answer adminCall(String method, String path) throws Exception {
        return api.call(method, path, admin, null);
    }

    private URI registrationUri(String path) {
        return URI.create("https://127.0.0.1:" + registrationPort + path);
    }

    private static Answer answer(HttpResponse<byte[]> response) throws Exception {
        JsonNode body = response.body().length == 0 ? CentralContext.jsonMapper().nullNode()
                : CentralContext.jsonMapper().readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    /** An SSL context that trusts exactly the given certificate (base64 DER), as a security server pins it. */
    static SSLContext pinned(String certificateBase64) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(certificateBase64)));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("central-registration", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    static void expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
    }
}
