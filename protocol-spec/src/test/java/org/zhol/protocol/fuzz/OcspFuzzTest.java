// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.CERT_VALIDATION;
import static org.zhol.protocol.error.ErrorCode.INCORRECT_VALIDATION_INFO;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * Fuzz target {@code ocsp}: OCSP responses as a responder, or a peer's HELLO, hands them over
 * ({@code docs/certificates-ocsp.md}): {@link OcspResponse#decode} and then {@link OcspVerifier#verify}
 * for the vector subject certificate at the vectors' instant. A response that decodes must keep its exact
 * bytes. Refusals are {@code IncorrectValidationInfo.*} (malformed, wrong responder, bad signature, other
 * certificate, not fresh) or {@code CertValidation.*} (revoked, unknown). Seeds: {@code vectors/ocsp/*.der}.
 */
class OcspFuzzTest {

    private static final Instant AT = Instant.parse("2026-11-27T21:23:21Z");
    private static final Set<ErrorCode> CODES = EnumSet.of(INCORRECT_VALIDATION_INFO, CERT_VALIDATION);
    private static final OcspVerifier VERIFIER = new OcspVerifier(TrustParameters.DEFAULTS);
    private static final OcspTarget TARGET = target();

    static Stream<Arguments> seeds() {
        return Seeds.ofFiles(Seeds.files("ocsp", n -> n.endsWith(".der")));
    }

    @MethodSource("seeds")
    @FuzzTest
    void ocspResponse(byte[] input) {
        FuzzContract.holds("OcspResponse.decode and OcspVerifier.verify", CODES, () -> {
            OcspResponse response = OcspResponse.decode(input);
            if (!Arrays.equals(response.der(), input)) {
                throw new AssertionError("a decoded OCSP response does not keep the bytes received");
            }
            VERIFIER.verify(response, TARGET, AT);
        });
    }

    private static OcspTarget target() {
        X509Certificate ca = PkiFiles.certificate("ocsp", "ca.pem");
        ApprovedCa approved = new ApprovedCa("Zhol Dev CA", ca, List.of(),
                List.of(new OcspResponder(URI.create("http://127.0.0.1:1/"), Optional.empty())), "default");
        return new OcspTarget(PkiFiles.certificate("ocsp", "subject.pem"), ca, approved);
    }
}
