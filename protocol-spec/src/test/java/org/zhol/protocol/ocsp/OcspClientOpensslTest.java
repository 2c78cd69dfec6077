// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import org.zhol.protocol.testpki.OpenSsl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.testpki.TestPki;

/** {@link OcspClient} against {@code openssl ocsp} as the responder, on loopback. */
class OcspClientOpensslTest {

    private static final DateTimeFormatter INDEX_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private static Process openssl;
    private static TestPki.Issuer root;
    private static X509Certificate good;
    private static X509Certificate revoked;
    private static X509Certificate unknown;
    private static ApprovedCa ca;

    @BeforeAll
    static void startOpenssl() throws Exception {
        root = TestPki.rootCa("CN=OpenSSL Test Root, O=Zhol");
        KeyPair responderKeys = TestPki.ecKeyPair();
        X509Certificate responder = root.issue(TestPki.Spec.ocspResponder("CN=OpenSSL Test OCSP"),
                responderKeys.getPublic());
        good = root.issue(TestPki.Spec.sign("CN=1, O=GOV"), TestPki.ecKeyPair().getPublic());
        revoked = root.issue(TestPki.Spec.sign("CN=2, O=GOV"), TestPki.ecKeyPair().getPublic());
        unknown = root.issue(TestPki.Spec.sign("CN=3, O=GOV"), TestPki.ecKeyPair().getPublic());
        Files.writeString(dir.resolve("index.txt"), indexLine(good, null) + indexLine(revoked, Instant.now()));
        Files.writeString(dir.resolve("ca.pem"), TestPki.pem(root.certificate()));
        Files.writeString(dir.resolve("rsigner.pem"), TestPki.pem(responder));
        Files.writeString(dir.resolve("rkey.pem"), TestPki.pem(responderKeys.getPrivate()));
        int port = TestOcsp.freePort();
        Path log = dir.resolve("openssl.log");
        openssl = new ProcessBuilder(OpenSsl.binary(), "ocsp", "-index", "index.txt", "-port", Integer.toString(port),
                "-rsigner", "rsigner.pem", "-rkey", "rkey.pem", "-CA", "ca.pem", "-ignore_err")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        TestOcsp.awaitListening(openssl, log);
        // The first responder is not listening: the client must fail over to openssl.
        ca = new ApprovedCa("OpenSSL Test Root", root.certificate(), List.of(), List.of(
                new OcspResponder(URI.create("http://127.0.0.1:" + TestOcsp.freePort() + "/"), Optional.empty()),
                new OcspResponder(URI.create("http://127.0.0.1:" + port + "/"), Optional.empty())), "default");
    }

    @AfterAll
    static void stopOpenssl() throws Exception {
        if (openssl != null) {
            openssl.destroy();
            if (!openssl.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                openssl.destroyForcibly();
            }
        }
    }

    private static String indexLine(X509Certificate cert, Instant revokedAt) {
        String serial = cert.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        serial = serial.length() % 2 == 1 ? "0" + serial : serial;
        return (revokedAt == null ? "V" : "R") + "\t" + INDEX_TIME.format(cert.getNotAfter().toInstant()) + "\t"
                + (revokedAt == null ? "" : INDEX_TIME.format(revokedAt) + ",keyCompromise") + "\t" + serial
                + "\tunknown\t/" + cert.getSubjectX500Principal().getName().replace(",", "/") + "\n";
    }

    private static OcspResponse fetch(X509Certificate cert) {
        OcspVerifier verifier = new OcspVerifier(TrustParameters.DEFAULTS);
        try (OcspClient client = new OcspClient(OcspClientConfig.DEFAULTS, verifier)) {
            return client.fetch(new OcspTarget(cert, root.certificate(), ca));
        }
    }

    @Test
    void goodAnswerVerifies() {
        OcspResponse response = fetch(good);

        assertThat(response.status()).isEqualTo(OcspCertStatus.GOOD);
        assertThat(response.serialNumber()).isEqualTo(good.getSerialNumber());
        new OcspVerifier(TrustParameters.DEFAULTS).verify(response, new OcspTarget(good, root.certificate(), ca),
                Instant.now());
        assertThat(OcspResponse.decode(response.der())).isEqualTo(response);
    }

    @Test
    void revokedAnswerIsReturnedAndRefusedByVerify() {
        OcspResponse response = fetch(revoked);

        assertThat(response.status()).isEqualTo(OcspCertStatus.REVOKED);
        assertThat(response.revocation().orElseThrow().reason()).contains(1);
        assertThatThrownBy(() -> new OcspVerifier(TrustParameters.DEFAULTS).verify(response,
                new OcspTarget(revoked, root.certificate(), ca), Instant.now()))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.faultCode()).isEqualTo(OcspFailure.REVOKED.faultCode()));
    }

    @Test
    void certificateMissingFromTheIndexIsUnknown() {
        OcspResponse response = fetch(unknown);

        assertThat(response.status()).isEqualTo(OcspCertStatus.UNKNOWN);
        assertThatThrownBy(() -> new OcspVerifier(TrustParameters.DEFAULTS).verify(response,
                new OcspTarget(unknown, root.certificate(), ca), Instant.now()))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.faultCode()).isEqualTo(OcspFailure.UNKNOWN.faultCode()));
    }
}
