// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;

class TimestampVerifierTest {

    private static final URI URL = URI.create("http://127.0.0.1:1/");
    private final TestTsa tsa = TestTsa.create("Test TSA");
    private final byte[] digest = TimestampQuery.sha256("hello".getBytes(StandardCharsets.UTF_8));
    private final TimestampQuery query = TimestampQuery.withNonce(digest, new SecureRandom());

    private TimestampVerifier verifier(Optional<String> policy) {
        return new TimestampVerifier(List.of(tsa.approved(URL)), policy);
    }

    @Test
    void acceptsAGrantedReplyAndExposesTheToken() {
        Instant genTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TimestampResponse response = TimestampResponse.decode(tsa.reply(query.encoded(), genTime));

        verifier(Optional.of(TestTsa.POLICY)).verify(response, query);

        TimestampToken token = response.token().orElseThrow();
        assertThat(token.genTime()).isEqualTo(genTime);
        assertThat(token.tsaCertificate()).contains(tsa.certificate());
        assertThat(token.nonce()).isEqualTo(query.nonce());
        TimestampToken stored = TimestampToken.decode(token.encoded());
        verifier(Optional.empty()).verify(stored, digest);
        assertThat(stored.serialNumber()).isEqualTo(token.serialNumber());
    }

    @Test
    void refusesAnotherDigest() {
        TimestampToken token = TimestampResponse.decode(tsa.reply(query.encoded())).token().orElseThrow();
        assertCode(() -> verifier(Optional.empty()).verify(token, TimestampQuery.sha256(new byte[1])),
                "TimestampValidation.InvalidReference");
    }

    @Test
    void refusesAReplyWithoutTheNonce() {
        TimestampResponse response = TimestampResponse.decode(tsa.reply(query.encoded()));
        TimestampQuery other = new TimestampQuery(digest, Optional.of(BigInteger.TEN));
        assertCode(() -> verifier(Optional.empty()).verify(response, other), "TimestampValidation.InconsistentResponse");
    }

    @Test
    void refusesATokenOfAnUnapprovedTsa() {
        TestTsa stranger = TestTsa.create("Stranger TSA");
        TimestampResponse response = TimestampResponse.decode(stranger.reply(query.encoded()));
        assertCode(() -> verifier(Optional.empty()).verify(response, query), "TimestampValidation.IncorrectCertificate");
    }

    @Test
    void refusesATokenWithoutItsCertificate() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(false);
        byte[] noCert = generator.generate(TSPAlgorithms.SHA256, digest).getEncoded();
        TimestampToken token = TimestampResponse.decode(tsa.reply(noCert)).token().orElseThrow();
        assertThat(token.tsaCertificate()).isEmpty();
        assertCode(() -> verifier(Optional.empty()).verify(token, digest), "TimestampValidation.CertNotFound");
    }

    @Test
    void refusesASha1Imprint() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] sha1 = new byte[20];
        byte[] request = generator.generate(TSPAlgorithms.SHA1, sha1).getEncoded();
        TimestampToken token = TimestampResponse.decode(tsa.reply(request)).token().orElseThrow();
        assertCode(() -> verifier(Optional.empty()).verify(token, sha1), "TimestampValidation.InvalidReference");
    }

    @Test
    void refusesAnotherPolicyWhenOneIsRequired() {
        TimestampResponse response = TimestampResponse.decode(tsa.reply(query.encoded()));
        assertCode(() -> verifier(Optional.of("2.999.1")).verify(response, query),
                "TimestampValidation.IncorrectValidationInfo");
    }

    @Test
    void refusesARejection() throws Exception {
        byte[] badPolicy = new TimeStampRequestGenerator() {
            {
                setReqPolicy("2.999.7");
            }
        }.generate(TSPAlgorithms.SHA256, digest).getEncoded();
        TimestampResponse response = TimestampResponse.decode(tsa.reply(badPolicy));
        assertThat(response.granted()).isFalse();
        assertCode(() -> verifier(Optional.empty()).verify(response, query), "TimestampValidation.InvalidResponse");
    }

    @Test
    void refusesMalformedBytes() {
        assertCode(() -> TimestampToken.decode(new byte[] {0x30, 0x03, 0x02, 0x01}),
                "TimestampValidation.MalformedSignature");
        assertCode(() -> TimestampResponse.decode("not DER".getBytes(StandardCharsets.US_ASCII)),
                "TimestampValidation.MalformedSignature");
    }

    static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode()).hasToString(code));
    }
}
