// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;

class EvidenceBatchTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final TestTsa tsa = TestTsa.create("ERS TSA", T0.minus(Duration.ofDays(1)), Duration.ofDays(30));
    private final EvidenceRecordVerifier verifier = new EvidenceRecordVerifier(
            new TimestampVerifier(List.of(tsa.approved()), Optional.empty()));
    private final SignedCheckpoint checkpoint = new SignedCheckpoint("zhol-checkpoint/1\n".getBytes(
            StandardCharsets.UTF_8), new byte[] {1, 2, 3});

    static List<EntryDigest> record(int i) {
        return List.of(EntryDigest.of("metadata.xml", ("m" + i).getBytes(StandardCharsets.UTF_8)),
                EntryDigest.of("body", ("b" + i).getBytes(StandardCharsets.UTF_8)),
                EntryDigest.of("META-INF/ASiCManifest.xml", ("x" + i).getBytes(StandardCharsets.UTF_8)),
                EntryDigest.of("META-INF/signature.p7s", ("s" + i).getBytes(StandardCharsets.UTF_8)));
    }

    static List<byte[]> hashes(List<EntryDigest> record) {
        return record.stream().map(EntryDigest::sha256).toList();
    }

    private static String codeOf(Runnable run) {
        ZholException e = catchThrowableOfType(ZholException.class, run::run);
        return e == null ? "none" : e.faultCode().toString();
    }

    @Test
    void everyRecordAndTheCheckpointGetAnEvidenceRecordOverOneToken() {
        for (int size : List.of(0, 1, 2, 7, 8, 15)) {
            List<List<EntryDigest>> records = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                records.add(record(i));
            }
            EvidenceBatch batch = new EvidenceBatch(records, checkpoint);
            TimestampToken token = tsa.stamp(batch.imprint(), T0);
            EvidenceBatch.Stamped stamped = batch.stamp(token);
            assertThat(stamped.recordEvidence()).hasSize(size);
            for (int i = 0; i < size; i++) {
                VerifiedEvidenceRecord verified = verifier.verify(stamped.recordEvidence().get(i), hashes(records.get(i)));
                assertThat(verified.root()).isEqualTo(batch.imprint());
                assertThat(verified.firstStamp()).isEqualTo(T0);
                int other = (i + 1) % size;
                if (other != i) {
                    byte[] evidence = stamped.recordEvidence().get(i);
                    assertThat(codeOf(() -> verifier.verify(evidence, hashes(records.get(other)))))
                            .isEqualTo("InvalidHashChain");
                }
            }
            assertThat(verifier.verify(stamped.checkpointEvidence(), EvidenceBatch.checkpointHashes(checkpoint))
                    .root()).isEqualTo(batch.imprint());
        }
    }

    @Test
    void flippedBytesAndForeignTokensAreDetected() {
        List<List<EntryDigest>> records = List.of(record(0), record(1), record(2), record(3), record(4));
        EvidenceBatch batch = new EvidenceBatch(records, checkpoint);
        EvidenceBatch.Stamped stamped = batch.stamp(tsa.stamp(batch.imprint(), T0));
        byte[] good = stamped.recordEvidence().get(2);
        List<String> codes = new ArrayList<>();
        for (int at = 0; at < good.length; at += 3) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            String code = codeOf(() -> verifier.verify(bad, hashes(records.get(2))));
            assertThat(code).as("byte %d", at).isNotEqualTo("none");
            codes.add(code);
        }
        assertThat(codes).contains("MalformedHashChain", "InvalidHashChain");
        assertThat(codes).anyMatch(c -> c.startsWith("TimestampValidation"));
        assertThat(codeOf(() -> batch.stamp(tsa.stamp(new byte[32], T0)))).isEqualTo("InvalidReference");
        TestTsa other = TestTsa.create("Other TSA", T0.minus(Duration.ofDays(1)), Duration.ofDays(30));
        EvidenceBatch.Stamped foreign = batch.stamp(other.stamp(batch.imprint(), T0));
        assertThat(codeOf(() -> verifier.verify(foreign.recordEvidence().get(2), hashes(records.get(2)))))
                .isEqualTo("TimestampValidation.IncorrectCertificate");
    }

    @Test
    void renewalAppendsATimestampOverThePreviousOne() {
        List<List<EntryDigest>> records = List.of(record(0), record(1), record(2));
        EvidenceBatch batch = new EvidenceBatch(records, checkpoint);
        EvidenceBatch.Stamped stamped = batch.stamp(tsa.stamp(batch.imprint(), T0));
        byte[] imprint = EvidenceRecords.renewalImprint(stamped.recordEvidence().get(1));
        assertThat(EvidenceRecords.renewalImprint(stamped.recordEvidence().get(0))).isEqualTo(imprint);
        TestTsa next = TestTsa.create("Next TSA", T0, Duration.ofDays(300));
        byte[] renewed = EvidenceRecords.renew(stamped.recordEvidence().get(1), next.stamp(imprint, T0.plusSeconds(60)));
        EvidenceRecordVerifier both = new EvidenceRecordVerifier(new TimestampVerifier(
                List.of(tsa.approved(), next.approved()), Optional.empty()));
        VerifiedEvidenceRecord verified = both.verify(renewed, hashes(records.get(1)));
        assertThat(verified.tokens()).hasSize(2);
        assertThat(EvidenceRecords.tokens(renewed)).hasSize(2);
        byte[] late = EvidenceRecords.renew(stamped.recordEvidence().get(1),
                next.stamp(imprint, T0.plus(Duration.ofDays(40))));
        assertThat(codeOf(() -> both.verify(late, hashes(records.get(1))))).isEqualTo("TimestampValidation");
    }
}
