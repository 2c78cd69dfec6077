// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedTsa;

/**
 * Runs the checked-in vectors of {@code vectors/tsp/}: a token issued by the dev TSA and systematic
 * mutations, each named in {@code cases.json} with the fault code it must give (or none). Tokens are
 * verified offline, from the bytes alone.
 */
class TspVectorsTest {

    private static final String DIR = "/vectors/tsp/";

    static Stream<JsonNode> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(bytes("cases.json"));
        return StreamSupport.stream(root.get("cases").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(JsonNode c) {
        ApprovedTsa tsa = new ApprovedTsa("vector TSA", URI.create("http://127.0.0.1:1/"),
                certificate(c.get("approvedTsa").textValue()));
        Optional<String> policy = c.get("requiredPolicy").isNull() ? Optional.empty()
                : Optional.of(c.get("requiredPolicy").textValue());
        TimestampVerifier verifier = new TimestampVerifier(List.of(tsa), policy);
        byte[] digest = TimestampQuery.sha256(bytes(c.get("data").textValue()));
        byte[] token = bytes(c.get("token").textValue());

        if (c.get("expected").isNull()) {
            TimestampToken decoded = TimestampToken.decode(token);
            verifier.verify(decoded, digest);
            assertThat(decoded.genTime()).isEqualTo(Instant.parse(c.get("genTime").textValue()));
            assertThat(decoded.serialNumber()).isEqualTo(new BigInteger(c.get("serialNumber").textValue()));
        } else {
            assertThatThrownBy(() -> verifier.verify(TimestampToken.decode(token), digest)).isInstanceOfSatisfying(
                    ZholException.class, e -> assertThat(e.faultCode()).hasToString(c.get("expected").textValue()));
        }
    }

    private static X509Certificate certificate(String name) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes(name)));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = TspVectorsTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
