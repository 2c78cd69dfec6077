// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.zhol.protocol.testpki.TestPki;

/**
 * Regenerates {@code src/test/resources/vectors/manifest/} (run once, by hand:
 * {@code ./zhol test -pl protocol-spec -Dtest=ManifestVectorsGenerator -Dzhol.generateVectors=true}).
 * Keys are fresh and thrown away; only certificates and signed data are written.
 */
class ManifestVectorsGenerator {

    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant SIGNING_TIME = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
    void generate() throws Exception {
        Path dir = Path.of("src/test/resources/vectors/manifest");
        TestPki.Issuer root = TestPki.rootCa("CN=Zhol Vector Root, O=Zhol", NOT_BEFORE, Duration.ofDays(20 * 365));
        SignatureFixture signer = new SignatureFixture(root, TestPki.ecKeyPair(), SignatureFixture.SIGNER_DN,
                NOT_BEFORE, Duration.ofDays(10 * 365));
        byte[] body = "{\"random\":4}\n".getBytes(StandardCharsets.UTF_8);
        SignatureFixture.Message message = SignatureFixture.Message.create("vector-1", SIGNING_TIME, body);
        List<byte[]> ocsp = List.of(signer.ocspResponse(SIGNING_TIME));
        Files.write(dir.resolve("metadata.xml"), message.metadata());
        Files.write(dir.resolve("header.http"), message.header());
        Files.write(dir.resolve("body.json"), message.body());
        Files.write(dir.resolve("manifest.xml"), message.manifest());
        Files.write(dir.resolve("single.p7s"),
                new ManifestSigner(signer.cadesSigner()).sign(message.manifest(), SIGNING_TIME, ocsp).cms());
        writeBatch(dir, "batch", signer, message.manifest(), 2, ocsp);
        writeBatch(dir, "other-batch", signer, message.manifest(), 4, ocsp);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(root.certificate());
        }
        Files.writeString(dir.resolve("root.pem"), pem.toString());
    }

    /** A batch of five whose leaf {@code position} is the vector manifest; the rest differ per name. */
    private static void writeBatch(Path dir, String name, SignatureFixture signer, byte[] manifest, int position,
            List<byte[]> ocsp) throws Exception {
        List<byte[]> manifests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            manifests.add(i == position ? manifest : SignatureFixture.Message.create(name + "-" + i, SIGNING_TIME,
                    new byte[] {(byte) i}).manifest());
        }
        MessageSignature.Batch batch = new BatchManifestSigner(signer.cadesSigner())
                .sign(manifests, SIGNING_TIME, ocsp).get(position);
        Files.write(dir.resolve(name + "-root.xml"), batch.batchRoot());
        Files.write(dir.resolve(name + ".p7s"), batch.cms());
        Files.write(dir.resolve(name + "-proof.xml"), InclusionProofCodec.encode(batch.proof()));
    }
}
