// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.SignatureFixture;

public class CadesSignatureTest {

    private static final byte[] CONTENT = "<manifest/>".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"false,JCA,JCA", "false,BC,BC", "false,JCA,BC", "true,JCA,JCA", "true,BC,BC", "true,BC,JCA"})
    void signsAndVerifiesWithEitherKeyAndProvider(boolean rsa, String signWith, String verifyWith) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(rsa);
        Instant now = Instant.now();
        byte[] ocsp = fixture.ocspResponse(now);
        byte[] cms = new CadesSigner(fixture.credentials(provider(signWith))).sign(CONTENT, now, List.of(ocsp));
        VerifiedCms verified = new CadesVerifier(provider(verifyWith)).verify(cms, CONTENT);
        assertThat(verified.signer()).isEqualTo(fixture.certificate);
        assertThat(verified.certificates()).containsExactly(fixture.certificate);
        assertThat(verified.ocspResponses()).singleElement().isEqualTo(ocsp);
        assertThat(verified.signingTime()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hasTheCadesBesShapeWithOcspAsRfc5940OtherRevocationInfo(boolean rsa) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(rsa);
        byte[] cms = fixture.cadesSigner().sign(CONTENT, Instant.now(), List.of(fixture.ocspResponse(Instant.now())));
        CMSSignedData parsed = new CMSSignedData(cms);
        assertThat(parsed.isDetachedSignature()).isTrue();
        assertThat(parsed.getVersion()).isEqualTo(5);
        assertThat(parsed.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null))
                .hasSize(1);
        SignerInformation signer = parsed.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getSignedAttributes().toHashtable()).containsKeys(PKCSObjectIdentifiers.pkcs_9_at_contentType,
                PKCSObjectIdentifiers.pkcs_9_at_messageDigest, PKCSObjectIdentifiers.pkcs_9_at_signingTime,
                PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        assertThat(signer.getEncryptionAlgOID()).isEqualTo(rsa ? "1.2.840.113549.1.1.11" : "1.2.840.10045.4.3.2");
        assertThat(parsed.getEncoded("DER")).isEqualTo(cms);
    }

    @ParameterizedTest
    @CsvSource({"content,InvalidSignatureValue", "signatureValue,InvalidSignatureValue",
            "truncated,MalformedSignature", "trailing,MalformedSignature", "empty,MalformedSignature"})
    void rejectsTampering(String what, String code) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(false);
        byte[] cms = fixture.cadesSigner().sign(CONTENT, Instant.now(), List.of());
        byte[] content = CONTENT.clone();
        switch (what) {
            case "content" -> content[3] ^= 1;
            case "signatureValue" -> flipLastSignatureByte(cms);
            case "truncated" -> cms = Arrays.copyOf(cms, cms.length - 1);
            case "trailing" -> cms = Arrays.copyOf(cms, cms.length + 1);
            default -> cms = new byte[0];
        }
        byte[] finalCms = cms;
        assertThatThrownBy(() -> new CadesVerifier().verify(finalCms, content))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code().camel()).isEqualTo(code));
    }

    /**
     * A verifier keeps a ready key per signer certificate (SignerKeys); once it has verified a good
     * signature, later signatures by the same certificate must still have every part checked.
     */
    @ParameterizedTest
    @CsvSource({"false,BC", "false,JCA", "true,JCA"})
    void aVerifierThatKnowsTheSignerStillChecksEverySignature(boolean rsa, String provider) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(rsa);
        CadesVerifier verifier = new CadesVerifier(provider(provider));
        Instant now = Instant.now();
        CadesSigner signer = fixture.cadesSigner();
        assertThat(verifier.verify(signer.sign(CONTENT, now, List.of()), CONTENT).signer())
                .isEqualTo(fixture.certificate);

        byte[] flipped = signer.sign(CONTENT, now, List.of());
        flipLastSignatureByte(flipped);
        assertThat(codeOf(verifier, flipped, CONTENT)).isEqualTo("InvalidSignatureValue");
        byte[] otherContent = CONTENT.clone();
        otherContent[1] ^= 1;
        assertThat(codeOf(verifier, signer.sign(CONTENT, now, List.of()), otherContent))
                .isEqualTo("InvalidSignatureValue");
        Instant afterExpiry = fixture.certificate.getNotAfter().toInstant().plusSeconds(60);
        assertThat(codeOf(verifier, signer.sign(CONTENT, afterExpiry, List.of()), CONTENT)).isEqualTo("CertValidation");
        Instant beforeIssue = fixture.certificate.getNotBefore().toInstant().minusSeconds(60);
        assertThat(codeOf(verifier, signer.sign(CONTENT, beforeIssue, List.of()), CONTENT)).isEqualTo("CertValidation");
        // And a signature by another key under the same subject is not taken for the known one.
        SignatureFixture other = SignatureFixture.create(rsa);
        assertThat(verifier.verify(other.cadesSigner().sign(CONTENT, now, List.of()), CONTENT).signer())
                .isEqualTo(other.certificate);
        assertThat(verifier.verify(signer.sign(CONTENT, now, List.of()), CONTENT).signer())
                .isEqualTo(fixture.certificate);
    }

    private static String codeOf(CadesVerifier verifier, byte[] cms, byte[] content) {
        try {
            verifier.verify(cms, content);
            return "passed";
        } catch (ZholException e) {
            return e.code().camel();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "short-rsa"})
    void rejectsKeysOtherThanP256AndRsa2048(String kind) throws Exception {
        java.security.KeyPairGenerator generator;
        if (kind.equals("short-rsa")) {
            generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
        } else {
            generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        }
        java.security.PrivateKey key = generator.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new SoftwareSigningKey(key)).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INCORRECT_CERTIFICATE));
    }

    /** Flips the last byte of the SignerInfo's signature value, in place. */
    public static void flipLastSignatureByte(byte[] cms) throws Exception {
        byte[] value = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
        int at = indexOf(cms, value);
        cms[at + value.length - 1] ^= 0x01;
    }

    /** The offsets [start, end) of the SignerInfo's signature value and signed attributes. */
    public static int[] regions(byte[] cms) throws Exception {
        SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        byte[] value = signer.getSignature();
        byte[] attrs = signer.getEncodedSignedAttributes();
        int valueAt = indexOf(cms, value);
        // The encoded attributes carry a SET tag (0x31); in the SignerInfo it is [0] IMPLICIT (0xA0).
        byte[] implicit = attrs.clone();
        implicit[0] = (byte) 0xA0;
        int attrsAt = indexOf(cms, implicit);
        return new int[] {valueAt, valueAt + value.length, attrsAt, attrsAt + attrs.length};
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    static CryptoProvider provider(String name) {
        return name.equals("BC") ? CryptoProvider.bouncyCastle() : CryptoProvider.jdk();
    }
}
