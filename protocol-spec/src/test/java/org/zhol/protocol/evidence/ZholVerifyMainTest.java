// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.CheckpointSigner;
import org.zhol.protocol.log.ConsistencyProofCodec;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.protocol.verify.ZholVerifyMain;

/** The command line: containers, archive chains and consistency, in text and JSON, with exit codes. */
class ZholVerifyMainTest {

    private static final EvidenceFixture FIXTURE = new EvidenceFixture();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ZholVerifyMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Path snapshot() throws IOException {
        return Files.write(dir.resolve("trust.json"), FIXTURE.snapshot.encoded());
    }

    @Test
    void containersPassAndATamperedOneFailsWithItsReason() throws Exception {
        byte[] good = FIXTURE.container(false, true);
        Path goodFile = Files.write(dir.resolve("good.asice"), good);
        Map<String, byte[]> entries = EvidenceContainerTest.entries(good);
        byte[] body = entries.get("body").clone();
        body[0] ^= 1;
        entries.put("body", body);
        Path badFile = Files.write(dir.resolve("bad.asice"), EvidenceContainerTest.zip(entries));
        Path trust = snapshot();

        Run ok = run("verify", goodFile.toString(), "--trust", trust.toString());
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("PASS ").contains("messageId: m-1").contains("All 1 verified.");

        Run failed = run("verify", goodFile.toString(), badFile.toString(), "--trust", trust.toString(), "--json");
        assertThat(failed.status()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(failed.out());
        assertThat(json.get("result").asText()).isEqualTo("FAIL");
        assertThat(json.get("verdicts").get(0).get("result").asText()).isEqualTo("PASS");
        assertThat(json.get("verdicts").get(1).get("failure").get("check").asText()).isEqualTo("manifest");
        assertThat(json.get("verdicts").get(1).get("failure").get("faultCode").asText()).isEqualTo("InvalidReference");

        Run usage = run("verify", goodFile.toString());
        assertThat(usage.status()).isEqualTo(2);
        Run missing = run("verify", dir.resolve("nothing.asice").toString(), "--trust", trust.toString());
        assertThat(missing.status()).isEqualTo(2);
    }

    @Test
    void archivesAreChainedByDigest() throws Exception {
        List<byte[]> first = List.of(FIXTURE.container(false, false), FIXTURE.container(true, false));
        List<byte[]> second = List.of(FIXTURE.container(false, true));
        Path a1 = dir.resolve("archive-1.zip");
        Path a2 = dir.resolve("archive-2.zip");
        writeArchive(a1, 1, Optional.empty(), first);
        byte[] a1Digest = org.zhol.protocol.log.EntryDigest.sha256(Files.readAllBytes(a1));
        writeArchive(a2, 2, Optional.of(a1Digest), second);
        Path trust = snapshot();
        Run ok = run("verify", a1.toString(), a2.toString(), "--trust", trust.toString());
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("sha256: " + Base64.getEncoder().encodeToString(a1Digest));

        Path forged = dir.resolve("archive-2-forged.zip");
        writeArchive(forged, 2, Optional.of(new byte[32]), second);
        Run broken = run("verify", a1.toString(), forged.toString(), "--trust", trust.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).contains("archive-chain (InvalidHashChain)");

        Map<String, byte[]> entries = EvidenceContainerTest.entries(Files.readAllBytes(a1));
        byte[] container = entries.get("containers/000002.asice").clone();
        Map<String, byte[]> inner = EvidenceContainerTest.entries(container);
        inner.put("META-INF/zhol/record.txt", "zhol-log-entry/1\n".getBytes(StandardCharsets.UTF_8));
        entries.put("containers/000002.asice", EvidenceContainerTest.zip(inner));
        Path swapped = Files.write(dir.resolve("archive-1-swapped.zip"), EvidenceContainerTest.zip(entries));
        Run tampered = run("verify", swapped.toString(), "--trust", trust.toString());
        assertThat(tampered.status()).isEqualTo(1);
        assertThat(tampered.out()).contains("archive-chain (InvalidHashChain)").contains("000002.asice");
    }

    private static void writeArchive(Path file, long sequence, Optional<byte[]> previous, List<byte[]> containers)
            throws IOException {
        List<EvidenceArchiveWriter.Entry> list = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            list.add(new EvidenceArchiveWriter.Entry(String.format("containers/%06d.asice", i + 1),
                    BodySource.of(containers.get(i))));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            EvidenceArchiveWriter.write(EvidenceFixture.SS1, sequence, previous, list, out);
        }
    }

    @Test
    void consistencyOfTwoCheckpointsAndATruncatedLog() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i}));
        }
        MerkleTree tree = new MerkleTree(leaves);
        MerkleTree early = new MerkleTree(leaves.subList(0, 6));
        CheckpointSigner signer = new CheckpointSigner(FIXTURE.client.cadesSigner());
        List<byte[]> ocsp = List.of(FIXTURE.client.ocspResponse(FIXTURE.now.minusSeconds(60)));
        SignedCheckpoint c6 = signer.sign(new Checkpoint(EvidenceFixture.SS1, 6, early.root(),
                FIXTURE.now.minusSeconds(50)), ocsp);
        SignedCheckpoint c9 = signer.sign(new Checkpoint(EvidenceFixture.SS1, 9, tree.root(),
                FIXTURE.now.minusSeconds(40)), ocsp);
        Path trust = snapshot();
        Path p6 = Files.write(dir.resolve("c6.txt"), c6.encode());
        Path p9 = Files.write(dir.resolve("c9.txt"), c9.encode());
        Path proof = Files.write(dir.resolve("proof.txt"), ConsistencyProofCodec.encode(tree.consistencyProof(6)));
        Run ok = run("verify", "--trust", trust.toString(), "--consistency", p6.toString(), p9.toString(), "--proof",
                proof.toString());
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();

        // The server deletes record 3 and rebuilds its tree: no proof from the peer's logged checkpoint holds.
        List<byte[]> truncated = new ArrayList<>(leaves);
        truncated.remove(3);
        MerkleTree rebuilt = new MerkleTree(truncated);
        SignedCheckpoint c8 = signer.sign(new Checkpoint(EvidenceFixture.SS1, 8, rebuilt.root(),
                FIXTURE.now.minusSeconds(30)), ocsp);
        Path p8 = Files.write(dir.resolve("c8.txt"), c8.encode());
        Path rebuiltProof = Files.write(dir.resolve("proof8.txt"), ConsistencyProofCodec.encode(
                rebuilt.consistencyProof(6)));
        Run deleted = run("verify", "--trust", trust.toString(), "--consistency", p6.toString(), p8.toString(),
                "--proof", rebuiltProof.toString(), "--json");
        assertThat(deleted.status()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(deleted.out()).get("verdicts").get(0).get("failure").get("check")
                .asText()).isEqualTo("consistency");
    }
}
