// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.crypto.CadesSignatureTest;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.testpki.TestPki;

class MessageSignatureVerifierTest {

    private final SignatureFixture fixture = SignatureFixture.create(false);
    private final Instant now = Instant.now();
    private final SignatureFixture.Message message = SignatureFixture.Message.create("m-1", now,
            "{\"answer\":42}".getBytes(StandardCharsets.UTF_8));
    private final List<byte[]> ocsp = List.of(fixture.ocspResponse(now));

    private MessageSignature.Single single() {
        return new ManifestSigner(fixture.cadesSigner()).sign(message.manifest(), now, ocsp);
    }

    private List<MessageSignature.Batch> batch(int size, int position) {
        List<byte[]> manifests = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            manifests.add(i == position ? message.manifest()
                    : SignatureFixture.Message.create("other-" + i, now, new byte[] {(byte) i}).manifest());
        }
        return new BatchManifestSigner(fixture.cadesSigner()).sign(manifests, now, ocsp);
    }

    private VerifiedSignature verify(MessageSignatureVerifier verifier, byte[] manifest, MessageSignature signature,
            List<DataObject> objects) {
        return verifier.verify(new SignedMessage(manifest, signature, objects), SignatureFixture.MEMBER, now);
    }

    private ErrorCode codeOf(Runnable verification) {
        ZholException e = catchThrowableOfType(ZholException.class, verification::run);
        return e == null ? null : e.code();
    }

    @Test
    void singleModeGivesTheVerifiedFacts() {
        VerifiedSignature verified = verify(fixture.verifier(), message.manifest(), single(), message.dataObjects());
        assertThat(verified.signer()).isEqualTo(fixture.certificate);
        assertThat(verified.member()).isEqualTo(SignatureFixture.MEMBER);
        assertThat(verified.signingTime()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
        assertThat(verified.manifest().dataObjects()).isEqualTo(message.dataObjects());
        assertThat(verified.batchRoot()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 16, 17})
    void batchModeAcceptsEveryMessageAndVerifiesTheRootOnce(int size) {
        AtomicInteger checks = new AtomicInteger();
        SignerCertificateCheck counting = (signer, certs, responses, at) -> {
            checks.incrementAndGet();
            SignatureFixture.chainsTo(fixture.root.certificate()).check(signer, certs, responses, at);
        };
        MessageSignatureVerifier verifier = new MessageSignatureVerifier(new CadesVerifier(), counting,
                SignatureFixture.serialNumberProfile(), ManifestLimits.DEFAULT, 4);
        for (int position = 0; position < size; position++) {
            MessageSignature.Batch signature = batch(size, position).get(position);
            VerifiedSignature verified = verify(verifier, message.manifest(), signature, message.dataObjects());
            assertThat(verified.batchRoot()).hasValueSatisfying(root -> assertThat(root.treeSize()).isEqualTo(size));
        }
        // Each call signed a fresh batch (ECDSA is randomised), so each root was verified once.
        assertThat(checks).hasValue(size);
        MessageSignature.Batch again = batch(size, 0).getFirst();
        verify(verifier, message.manifest(), again, message.dataObjects());
        verify(verifier, message.manifest(), again, message.dataObjects());
        assertThat(checks).hasValue(size + 1);
    }

    @Test
    void rejectsAnotherMemberAndAnUntrustedRoot() {
        MessageSignature.Single signature = single();
        assertThat(codeOf(() -> fixture.verifier().verify(new SignedMessage(message.manifest(), signature,
                message.dataObjects()), MemberId.parse("DEV/GOV/9999"), now))).isEqualTo(ErrorCode.INCORRECT_CERTIFICATE);
        MessageSignatureVerifier stranger = SignatureFixture.verifier(TestPki.rootCa("CN=Other Root").certificate());
        assertThat(codeOf(() -> verify(stranger, message.manifest(), signature, message.dataObjects())))
                .isEqualTo(ErrorCode.INVALID_CERT_PATH);
    }

    @Test
    void everyFlippedManifestByteIsDetected() {
        MessageSignatureVerifier verifier = fixture.verifier();
        MessageSignature.Single signature = single();
        MessageSignature.Batch batched = batch(5, 2).get(2);
        for (int i = 0; i < message.manifest().length; i++) {
            byte[] manifest = message.manifest().clone();
            manifest[i] ^= 0x01;
            assertThat(codeOf(() -> verify(verifier, manifest, signature, message.dataObjects())))
                    .as("single, byte %d", i).isEqualTo(ErrorCode.INVALID_SIGNATURE_VALUE);
            assertThat(codeOf(() -> verify(verifier, manifest, batched, message.dataObjects())))
                    .as("batch, byte %d", i).isEqualTo(ErrorCode.INVALID_HASH_CHAIN);
        }
    }

    @Test
    void everyFlippedDataObjectByteIsDetected() {
        MessageSignatureVerifier verifier = fixture.verifier();
        MessageSignature.Single signature = single();
        List<byte[]> parts = List.of(message.metadata(), message.header(), message.body());
        for (int part = 0; part < parts.size(); part++) {
            for (int i = 0; i < parts.get(part).length; i++) {
                byte[][] tampered = {message.metadata().clone(), message.header().clone(), message.body().clone()};
                tampered[part][i] ^= (byte) 0x80;
                List<DataObject> received = message.digestsOf(tampered[0], tampered[1], tampered[2]);
                assertThat(codeOf(() -> verify(verifier, message.manifest(), signature, received)))
                        .as("part %d byte %d", part, i).isEqualTo(ErrorCode.INVALID_REFERENCE);
            }
        }
    }

    @Test
    void everyFlippedSignatureByteIsDetected() throws Exception {
        MessageSignatureVerifier verifier = fixture.verifier();
        byte[] cms = single().cms();
        int[] regions = CadesSignatureTest.regions(cms);
        // A changed signing time may fall outside the certificate's validity, which is checked first.
        Set<ErrorCode> signatureCodes = Set.of(ErrorCode.MALFORMED_SIGNATURE, ErrorCode.INVALID_SIGNATURE_VALUE,
                ErrorCode.SIGNATURE_VERIFICATION, ErrorCode.CERT_VALIDATION);
        Set<ErrorCode> anyCode = Set.of(ErrorCode.MALFORMED_SIGNATURE, ErrorCode.INVALID_SIGNATURE_VALUE,
                ErrorCode.SIGNATURE_VERIFICATION, ErrorCode.INCORRECT_CERTIFICATE, ErrorCode.INVALID_CERT_PATH,
                ErrorCode.CERT_VALIDATION, ErrorCode.INCORRECT_VALIDATION_INFO);
        for (int i = 0; i < cms.length; i++) {
            byte[] tampered = cms.clone();
            tampered[i] ^= 0x01;
            ErrorCode code = codeOf(() -> verify(verifier, message.manifest(), new MessageSignature.Single(tampered),
                    message.dataObjects()));
            assertThat(code).as("byte %d of %d (0x%02x), regions %s, accepted", i, cms.length, cms[i],
                    java.util.Arrays.toString(regions)).isNotNull();
            if (i >= regions[0] + 2 && i < regions[1]) {
                assertThat(code).as("signature value byte %d", i).isIn(ErrorCode.INVALID_SIGNATURE_VALUE);
            } else if (i >= regions[2] + 2 && i < regions[3]) {
                assertThat(code).as("signed attributes byte %d", i).isIn(signatureCodes);
            } else {
                assertThat(code).as("byte %d", i).isIn(anyCode);
            }
        }
    }

    @Test
    void batchTamperingIsDetected() {
        MessageSignatureVerifier verifier = fixture.verifier();
        MessageSignature.Batch good = batch(5, 2).get(2);
        MessageSignature.Batch other = batch(5, 4).get(4);
        InclusionProof proof = good.proof();
        MessageSignature.Batch swapped = new MessageSignature.Batch(other.batchRoot(), other.cms(), proof);
        MessageSignature.Batch mixed = new MessageSignature.Batch(other.batchRoot(), good.cms(), proof);
        MessageSignature.Batch wrongIndex = new MessageSignature.Batch(good.batchRoot(), good.cms(),
                new InclusionProof(3, 5, proof.path()));
        MessageSignature.Batch wrongSize = new MessageSignature.Batch(good.batchRoot(), good.cms(),
                new InclusionProof(2, 6, proof.path()));
        assertThat(codeOf(() -> verify(verifier, message.manifest(), swapped, message.dataObjects())))
                .isEqualTo(ErrorCode.INVALID_HASH_CHAIN);
        assertThat(codeOf(() -> verify(verifier, message.manifest(), mixed, message.dataObjects())))
                .isEqualTo(ErrorCode.INVALID_SIGNATURE_VALUE);
        assertThat(codeOf(() -> verify(verifier, message.manifest(), wrongIndex, message.dataObjects())))
                .isEqualTo(ErrorCode.INVALID_HASH_CHAIN);
        assertThat(codeOf(() -> verify(verifier, message.manifest(), wrongSize, message.dataObjects())))
                .isEqualTo(ErrorCode.INVALID_HASH_CHAIN);
        for (int i = 0; i < good.batchRoot().length; i++) {
            byte[] root = good.batchRoot().clone();
            root[i] ^= 0x01;
            MessageSignature.Batch flipped = new MessageSignature.Batch(root, good.cms(), proof);
            assertThat(codeOf(() -> verify(verifier, message.manifest(), flipped, message.dataObjects())))
                    .as("batch root byte %d", i)
                    .isIn(ErrorCode.MALFORMED_HASH_CHAIN, ErrorCode.INVALID_SIGNATURE_VALUE);
        }
        assertThatThrownBy(() -> verify(verifier, message.manifest(), good, message.dataObjects().subList(0, 2)))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFERENCE));
    }
}
