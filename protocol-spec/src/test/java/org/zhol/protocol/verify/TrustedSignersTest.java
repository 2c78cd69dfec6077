// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.ManifestSigner;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.MessageSignatureVerifier;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.manifest.SignedMessage;
import org.zhol.protocol.manifest.VerifiedSignature;
import org.zhol.protocol.testpki.TestPki;

/** The real chain, key-usage, OCSP and profile checks wired into the message signature verifier. */
class TrustedSignersTest {

    private final SignatureFixture fixture = SignatureFixture.create(false);
    private final Instant now = Instant.now();
    private final SignatureFixture.Message message = SignatureFixture.Message.create("m-1", now,
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    private static TrustAnchors anchors(ApprovedCa... cas) {
        return new TrustAnchors() {
            @Override
            public List<ApprovedCa> approvedCas() {
                return List.of(cas);
            }

            @Override
            public List<ApprovedTsa> approvedTsas() {
                return List.of();
            }

            @Override
            public TrustParameters trustParameters() {
                return new TrustParameters(Duration.ofMinutes(20), Duration.ofSeconds(60), Duration.ofSeconds(600));
            }
        };
    }

    private MessageSignatureVerifier verifier(TrustAnchors anchors) {
        TrustedSigners signers = new TrustedSigners(anchors, CertificateProfiles.standard());
        return new MessageSignatureVerifier(new CadesVerifier(), signers, signers, ManifestLimits.DEFAULT, 16);
    }

    private ApprovedCa approvedFixtureCa() {
        return new ApprovedCa("test", fixture.root.certificate(), List.of(), List.of(), DefaultCertificateProfile.ID);
    }

    private VerifiedSignature verify(MessageSignatureVerifier verifier, List<byte[]> ocsp) {
        MessageSignature.Single signature = new ManifestSigner(fixture.cadesSigner()).sign(message.manifest(), now, ocsp);
        return verifier.verify(new SignedMessage(message.manifest(), signature, message.dataObjects()),
                SignatureFixture.MEMBER, now);
    }

    private String codeOf(Runnable verification) {
        ZholException e = catchThrowableOfType(ZholException.class, verification::run);
        return e == null ? "none" : e.faultCode().toString();
    }

    @Test
    void aTrustedSignerWithFreshOcspIsAccepted() {
        VerifiedSignature verified = verify(verifier(anchors(approvedFixtureCa())),
                List.of(fixture.ocspResponse(now.minusSeconds(5))));
        assertThat(verified.member()).isEqualTo(SignatureFixture.MEMBER);
    }

    @Test
    void withoutOcspTheSignerIsNotTrusted() {
        assertThat(codeOf(() -> verify(verifier(anchors(approvedFixtureCa())), List.of())))
                .isEqualTo("MissingValidationInfo");
    }

    @Test
    void aStaleOcspResponseIsRefused() {
        assertThat(codeOf(() -> verify(verifier(anchors(approvedFixtureCa())),
                List.of(fixture.ocspResponse(now.minus(Duration.ofHours(2)))))))
                .startsWith("IncorrectValidationInfo");
    }

    @Test
    void aSignerFromAnUnapprovedCaIsRefused() {
        ApprovedCa other = new ApprovedCa("other", TestPki.rootCa("CN=Other Root").certificate(), List.of(),
                List.of(), DefaultCertificateProfile.ID);
        assertThat(codeOf(() -> verify(verifier(anchors(other)), List.of(fixture.ocspResponse(now)))))
                .isEqualTo("CannotCreateCertPath");
    }

    @Test
    void aNonCanonicalOcspResponseIsRefused() {
        byte[] good = fixture.ocspResponse(now);
        // Re-encode the outer length in long form: the same value, but not DER.
        byte[] loose = new byte[good.length + 1];
        loose[0] = good[0];
        int lengthBytes = good[1] & 0x7f;
        loose[1] = (byte) (0x80 | (lengthBytes + 1));
        loose[2] = 0;
        System.arraycopy(good, 2, loose, 3, good.length - 2);
        // Our own signer re-encodes what it embeds, so hand the loose bytes to the check directly, as a
        // peer's signature could carry them.
        TrustedSigners signers = new TrustedSigners(anchors(approvedFixtureCa()), CertificateProfiles.standard());
        assertThat(codeOf(() -> signers.check(fixture.certificate, List.of(), List.of(good), now))).isEqualTo("none");
        assertThat(codeOf(() -> signers.check(fixture.certificate, List.of(), List.of(loose), now)))
                .isEqualTo("IncorrectValidationInfo.InvalidResponse");
    }

    @Test
    void aCachingVerifierStillChecksTimesOnEveryCall() {
        TrustedSigners cached = new TrustedSigners(anchors(approvedFixtureCa()), CertificateProfiles.standard(), 16);
        byte[] ocsp = fixture.ocspResponse(now.minusSeconds(5));
        assertThat(codeOf(() -> cached.check(fixture.certificate, List.of(), List.of(ocsp), now))).isEqualTo("none");
        assertThat(codeOf(() -> cached.check(fixture.certificate, List.of(), List.of(ocsp), now.plusSeconds(10))))
                .isEqualTo("none");
        assertThat(codeOf(() -> cached.check(fixture.certificate, List.of(), List.of(ocsp), now.plus(Duration.ofHours(2)))))
                .startsWith("IncorrectValidationInfo");
        assertThat(codeOf(() -> cached.check(fixture.certificate, List.of(), List.of(ocsp), now.plus(Duration.ofDays(400)))))
                .isNotEqualTo("none");
        byte[] flipped = ocsp.clone();
        flipped[flipped.length - 10] ^= 1;
        assertThat(codeOf(() -> cached.check(fixture.certificate, List.of(), List.of(flipped), now))).isNotEqualTo("none");
    }
}
