// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;

/** Runs the cases of {@code vectors/ocsp/vectors.tsv}; see the README there. */
class OcspVectorsTest {

    private static final String DIR = "/vectors/ocsp/";

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = OcspVectorsTest.class.getResourceAsStream(DIR + "vectors.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            return lines.stream().map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
        }
    }

    @ParameterizedTest(name = "{0} for {1} at {2}: {3}")
    @MethodSource("vectors")
    void vector(String response, String certificate, String at, String expected) {
        X509Certificate ca = cert("ca.pem");
        ApprovedCa approved = new ApprovedCa("Zhol Dev CA", ca, List.of(),
                List.of(new OcspResponder(URI.create("http://127.0.0.1:1/"), Optional.empty())), "default");
        OcspTarget target = new OcspTarget(cert(certificate), ca, approved);
        OcspVerifier verifier = new OcspVerifier(TrustParameters.DEFAULTS);

        if ("OK".equals(expected)) {
            assertThatCode(() -> verifier.verify(OcspResponse.decode(bytes(response)), target, Instant.parse(at)))
                    .doesNotThrowAnyException();
        } else {
            ZholException e = catchThrowableOfType(ZholException.class,
                    () -> verifier.verify(OcspResponse.decode(bytes(response)), target, Instant.parse(at)));
            assertThat(e).as("expected %s", expected).isNotNull();
            assertThat(e.faultCode()).as(e.detail()).isEqualTo(FaultCode.parse(expected));
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = OcspVectorsTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate cert(String name) {
        try (InputStream in = OcspVectorsTest.class.getResourceAsStream(DIR + name)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
