// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.merkle.MerkleTree;

class CheckpointTest {

    private static final SecurityServerId SS1 = SecurityServerId.parse("DEV/GOV/1234/SS1");
    private final SignatureFixture fixture = SignatureFixture.create(false);
    private final Instant now = Instant.now();
    private final CheckpointVerifier verifier = new CheckpointVerifier(new CadesVerifier(),
            SignatureFixture.chainsTo(fixture.root.certificate()), SignatureFixture.serialNumberProfile());

    private static String codeOf(Runnable run) {
        ZholException e = catchThrowableOfType(ZholException.class, run::run);
        return e == null ? "none" : e.faultCode().toString();
    }

    private SignedCheckpoint sign(Checkpoint checkpoint) {
        return new CheckpointSigner(fixture.cadesSigner()).sign(checkpoint, List.of(fixture.ocspResponse(now)));
    }

    @Test
    void theCanonicalFormIsFixedAndRoundTrips() {
        Checkpoint checkpoint = new Checkpoint(SS1, 42, new byte[32], Instant.parse("2026-01-01T00:00:00.750Z"));
        String text = "zhol-checkpoint/1\nDEV/GOV/1234/SS1\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
                + "2026-01-01T00:00:00Z\n";
        assertThat(new String(checkpoint.encode(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(Checkpoint.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(checkpoint);
        for (String bad : List.of(text.replace("42", "042"), text.replace("\n2026", "\r\n2026"), text + "\n",
                text.replace("zhol-checkpoint/1", "zhol-checkpoint/2"), text.replace("=\n", "\n"),
                text.replace("DEV/GOV/1234/SS1", "DEV/GOV/1234"), text.substring(0, text.length() - 1),
                text.replace("42", "0"), text.replace("00:00:00Z", "00:00:00.5Z"))) {
            assertThat(codeOf(() -> Checkpoint.decode(bad.getBytes(StandardCharsets.UTF_8))))
                    .as(bad).isEqualTo("MalformedHashChain");
        }
    }

    @Test
    void aSignedCheckpointVerifiesAndItsSingleFileFormRoundTrips() {
        SignedCheckpoint signed = sign(new Checkpoint(SS1, 3, MerkleTree.leafHash(new byte[0]), now));
        assertThat(SignedCheckpoint.decode(signed.encode())).isEqualTo(signed);
        VerifiedCheckpoint verified = verifier.verify(SignedCheckpoint.decode(signed.encode()));
        assertThat(verified.checkpoint().treeSize()).isEqualTo(3);
        assertThat(verified.member()).isEqualTo(SignatureFixture.MEMBER);
    }

    @Test
    void tamperingAndTheWrongSignerAreDetected() {
        SignedCheckpoint signed = sign(new Checkpoint(SS1, 3, new byte[32], now));
        byte[] changed = signed.checkpoint();
        changed[changed.length - 20] ^= 1;
        assertThat(codeOf(() -> verifier.verify(new SignedCheckpoint(changed, signed.signature()))))
                .isEqualTo("InvalidSignatureValue");
        SignedCheckpoint otherOwner = sign(new Checkpoint(SecurityServerId.parse("DEV/COM/5678/SS2"), 3,
                new byte[32], now));
        assertThat(codeOf(() -> verifier.verify(otherOwner))).isEqualTo("IncorrectCertificate");
        byte[] content = new Checkpoint(SS1, 3, new byte[32], now).encode();
        byte[] lateCms = fixture.cadesSigner().sign(content, now.plusSeconds(5), List.of());
        assertThat(codeOf(() -> verifier.verify(new SignedCheckpoint(content, lateCms))))
                .isEqualTo("SignatureVerification");
        assertThat(codeOf(() -> SignedCheckpoint.decode("no signature\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("MalformedHashChain");
    }

    @Test
    void consistencyOfTwoCheckpointsIsChecked() {
        List<byte[]> leaves = List.of(MerkleTree.leafHash(new byte[] {1}), MerkleTree.leafHash(new byte[] {2}),
                MerkleTree.leafHash(new byte[] {3}));
        MerkleTree tree = new MerkleTree(leaves);
        Checkpoint early = new Checkpoint(SS1, 1, leaves.getFirst(), now);
        Checkpoint late = new Checkpoint(SS1, 3, tree.root(), now.plusSeconds(1));
        CheckpointVerifier.verifyConsistency(early, late,
                ConsistencyProofCodec.decode(ConsistencyProofCodec.encode(tree.consistencyProof(1))));
        assertThat(codeOf(() -> CheckpointVerifier.verifyConsistency(late, early, tree.consistencyProof(1))))
                .isEqualTo("InvalidHashChain");
        Checkpoint otherLog = new Checkpoint(SecurityServerId.parse("DEV/GOV/1234/SS9"), 3, tree.root(), now);
        assertThat(codeOf(() -> CheckpointVerifier.verifyConsistency(early, otherLog, tree.consistencyProof(1))))
                .isEqualTo("InvalidHashChain");
        assertThat(codeOf(() -> ConsistencyProofCodec.decode("zhol-consistency-proof/1\n3\n1\n"
                .getBytes(StandardCharsets.UTF_8)))).isEqualTo("MalformedHashChain");
    }

    @Test
    void logEntriesAreCanonicalAndNameSafeFiles() {
        LogEntry entry = new LogEntry(SS1, Direction.REQUEST, "id 1", List.of(EntryDigest.of("metadata.xml",
                new byte[] {1}), EntryDigest.of("META-INF/signature.p7s", new byte[] {2})));
        byte[] bytes = entry.encode();
        assertThat(LogEntry.decode(bytes)).isEqualTo(entry);
        assertThat(entry.leafHash()).isEqualTo(MerkleTree.leafHash(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("zhol-log-entry/1\nDEV/GOV/1234/SS1\nrequest\nid 1\n");
        for (String bad : List.of(text.replace("metadata.xml", "../metadata.xml"), text.replace("request", "Request"),
                text.replace("metadata.xml", "META-INF/signature.p7s"), text.replace(" metadata.xml", "  metadata.xml"))) {
            assertThat(codeOf(() -> LogEntry.decode(bad.getBytes(StandardCharsets.UTF_8))))
                    .as(bad).isEqualTo("MalformedHashChain");
        }
    }
}
