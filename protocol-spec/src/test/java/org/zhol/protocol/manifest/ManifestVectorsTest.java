// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.zhol.protocol.crypto.CadesSignatureTest;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.merkle.InclusionProof;

/**
 * The checked-in vectors of {@code vectors/manifest/}: the good single and batch signatures, and the
 * systematic mutations listed in {@code cases.tsv}, each with its expected code.
 */
class ManifestVectorsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:01:00Z");

    static byte[] read(String name) {
        try (InputStream in = ManifestVectorsTest.class.getResourceAsStream("/vectors/manifest/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/manifest/cases.tsv", delimiter = '\t', numLinesToSkip = 1)
    void vector(String name, String mode, String mutation, String expected) throws Exception {
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(read("root.pem")));
        byte[] manifest = read("manifest.xml");
        byte[][] parts = {read("metadata.xml"), read("header.http"), read("body.json")};
        byte[] cms = read(mode.equals("single") ? "single.p7s" : "batch.p7s");
        byte[] batchRoot = read("batch-root.xml");
        InclusionProof proof = InclusionProofCodec.decode(read("batch-proof.xml"), ManifestLimits.DEFAULT);
        MemberId member = SignatureFixture.MEMBER;
        Instant at = AT;
        switch (mutation) {
            case "none" -> { }
            case "flip-manifest" -> manifest[manifest.length / 2] ^= 0x01;
            case "flip-metadata" -> parts[0][parts[0].length / 2] ^= 0x01;
            case "flip-header" -> parts[1][0] ^= 0x01;
            case "flip-body" -> parts[2][parts[2].length - 1] ^= 0x01;
            case "flip-signature-value" -> CadesSignatureTest.flipLastSignatureByte(cms);
            case "truncate-signature" -> cms = Arrays.copyOf(cms, cms.length - 10);
            case "trailing-garbage" -> cms = Arrays.copyOf(cms, cms.length + 3);
            case "swap-batch-root" -> {
                batchRoot = read("other-batch-root.xml");
                cms = read("other-batch.p7s");
            }
            case "root-of-other-batch" -> batchRoot = read("other-batch-root.xml");
            case "wrong-leaf-index" -> proof = new InclusionProof(proof.leafIndex() + 1, proof.treeSize(), proof.path());
            case "wrong-member" -> member = MemberId.parse("DEV/GOV/9999");
            case "after-certificate-expiry" -> at = Instant.parse("2040-01-01T00:00:00Z");
            default -> throw new IllegalArgumentException("unknown mutation " + mutation);
        }
        MessageSignature signature = mode.equals("single") ? new MessageSignature.Single(cms)
                : new MessageSignature.Batch(batchRoot, cms, proof);
        List<DataObject> received = List.of(DataObject.of(MessageMetadata.URI, MessageMetadata.MIME_TYPE, parts[0]),
                DataObject.of("header.http", "message/http", parts[1]),
                DataObject.of("body", "application/json", parts[2]));
        SignedMessage message = new SignedMessage(manifest, signature, received);
        MessageSignatureVerifier verifier = SignatureFixture.verifier(root);
        if (expected.equals("OK")) {
            VerifiedSignature verified = verifier.verify(message, member, at);
            assertThat(verified.member()).isEqualTo(member);
            assertThat(verified.signingTime()).isEqualTo(ManifestVectorsGenerator.SIGNING_TIME);
            assertThat(MessageMetadata.decode(parts[0], ManifestLimits.DEFAULT).messageId()).isEqualTo("vector-1");
        } else {
            MemberId finalMember = member;
            Instant finalAt = at;
            ZholException e = catchThrowableOfType(ZholException.class, () -> verifier.verify(message, finalMember,
                    finalAt));
            assertThat(e).as("expected %s", expected).isNotNull();
            assertThat(e.code()).as(e.toString()).isEqualTo(ErrorCode.byName(expected).orElseThrow());
        }
    }
}
