// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import org.zhol.protocol.testpki.OpenSsl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspCertStatus;
import org.zhol.protocol.ocsp.OcspClient;
import org.zhol.protocol.ocsp.OcspClientConfig;
import org.zhol.protocol.ocsp.OcspFailure;
import org.zhol.protocol.ocsp.OcspRequest;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/** {@link DevOcspResponder} on loopback, asked by our {@link OcspClient} and by {@code openssl ocsp}. */
class DevOcspResponderTest {

    @TempDir
    Path dir;

    private final OcspVerifier verifier = new OcspVerifier(TrustParameters.DEFAULTS);
    private DevCa ca;
    private DevOcspResponder responder;
    private X509Certificate good;
    private X509Certificate revoked;

    @BeforeEach
    void start() throws Exception {
        ca = new DevCa(dir.resolve("ca"));
        ca.start();
        good = ca.issue(DevCaTest.csr("CN=1, O=GOV"), CertificateRole.SIGNING);
        revoked = ca.issue(DevCaTest.csr("CN=2, O=GOV"), CertificateRole.AUTHENTICATION);
        ca.revoke(revoked.getSerialNumber(), 1);
        responder = new DevOcspResponder(ca, new InetSocketAddress("127.0.0.1", 0));
        responder.start();
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    private ApprovedCa approved(URI url) {
        return new ApprovedCa("dev", ca.certificate(), List.of(), List.of(new OcspResponder(url, Optional.empty())),
                "default");
    }

    private OcspResponse fetch(X509Certificate cert, URI url) {
        try (OcspClient client = new OcspClient(OcspClientConfig.DEFAULTS, verifier)) {
            return client.fetch(new OcspTarget(cert, ca.certificate(), approved(url)));
        }
    }

    private static FaultCode code(Runnable action) {
        try {
            action.run();
        } catch (ZholException e) {
            return e.faultCode();
        }
        throw new AssertionError("no fault");
    }

    @Test
    void ourClientGetsGoodRevokedAndUnknown() throws Exception {
        OcspResponse goodAnswer = fetch(good, responder.uri());
        OcspResponse revokedAnswer = fetch(revoked, responder.uri());
        // A copy of the CA, same key, issues a certificate the original never recorded.
        try (var files = Files.walk(dir.resolve("ca"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, dir.resolve("copy").resolve(dir.resolve("ca").relativize(file).toString()));
            }
        }
        DevCa copy = new DevCa(dir.resolve("copy"));
        copy.start();
        X509Certificate unknown = copy.issue(DevCaTest.csr("CN=3, O=GOV"), CertificateRole.SIGNING);
        OcspResponse unknownAnswer = fetch(unknown, responder.uri());

        assertThat(responder.port()).isPositive();
        assertThat(goodAnswer.status()).isEqualTo(OcspCertStatus.GOOD);
        verifier.verify(goodAnswer, new OcspTarget(good, ca.certificate(), approved(responder.uri())), Instant.now());
        assertThat(revokedAnswer.status()).isEqualTo(OcspCertStatus.REVOKED);
        assertThat(code(() -> verifier.verify(revokedAnswer, new OcspTarget(revoked, ca.certificate(),
                approved(responder.uri())), Instant.now()))).isEqualTo(OcspFailure.REVOKED.faultCode());
        assertThat(unknownAnswer.status()).isEqualTo(OcspCertStatus.UNKNOWN);
        assertThat(code(() -> verifier.verify(unknownAnswer, new OcspTarget(unknown, ca.certificate(),
                approved(responder.uri())), Instant.now()))).isEqualTo(OcspFailure.UNKNOWN.faultCode());
    }

    @Test
    void getWithBase64PathAnswersLikePost() throws Exception {
        byte[] request = OcspRequest.create(good, ca.certificate(), Optional.empty()).der();
        String path = URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(responder.uri().resolve("/" + path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(OcspResponse.decode(answer.body()).status()).isEqualTo(OcspCertStatus.GOOD);
        }
    }

    @Test
    void staleAndWrongResponderAnswersHaveTheirOwnCodes() {
        // 20 minutes old against a 10-minute freshness (the responder certificate is only an hour old).
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        OcspVerifier strict = new OcspVerifier(new TrustParameters(Duration.ofMinutes(10), Duration.ofSeconds(60),
                Duration.ofSeconds(600)));
        try (DevOcspResponder stale = new DevOcspResponder(ca, new InetSocketAddress("127.0.0.1", 0), past,
                Optional.empty())) {
            stale.start();
            OcspResponse old = fetch(good, stale.uri());
            verifier.verify(old, new OcspTarget(good, ca.certificate(), approved(stale.uri())), Instant.now());
            assertThat(code(() -> strict.verify(old, new OcspTarget(good, ca.certificate(), approved(stale.uri())),
                    Instant.now()))).isEqualTo(OcspFailure.NOT_FRESH.faultCode());
        }
        DevCa other = new DevCa(dir.resolve("other"));
        other.start();
        try (DevOcspResponder wrong = new DevOcspResponder(other, new InetSocketAddress("127.0.0.1", 0))) {
            wrong.start();
            assertThat(code(() -> fetch(good, wrong.uri()))).isEqualTo(OcspFailure.UNAUTHORISED_RESPONDER.faultCode());
        }
    }

    @Test
    void opensslClientSeesGoodAndRevoked() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), DevCaStore.pem(ca.certificate()));
        Files.writeString(dir.resolve("good.pem"), DevCaStore.pem(good));
        Files.writeString(dir.resolve("revoked.pem"), DevCaStore.pem(revoked));

        assertThat(opensslOcsp("good.pem")).contains("good.pem: good").contains("Response verify OK");
        assertThat(opensslOcsp("revoked.pem")).contains("revoked.pem: revoked").contains("Reason: keyCompromise");
    }

    private String opensslOcsp(String cert) throws Exception {
        Path log = dir.resolve(cert + ".log");
        Process process = new ProcessBuilder(OpenSsl.binary(), "ocsp", "-issuer", "ca.pem", "-cert", cert,
                "-url", "http://127.0.0.1:" + responder.port() + "/", "-CAfile", "ca.pem", "-timeout", "10")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl ocsp did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
