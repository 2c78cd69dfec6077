// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.EvidenceBatch;
import org.zhol.protocol.evidence.EvidenceRecordVerifier;
import org.zhol.protocol.evidence.VerifiedEvidenceRecord;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/**
 * Renewal of evidence records (log.md §7) with real TSAs over HTTP: a batch stamped by a TSA whose
 * certificate expires within the renewal period gets a second archive timestamp from a TSA that lasts.
 */
class EvidenceRenewalTest {

    @TempDir
    Path dir;

    private record Trust(List<ApprovedTsa> approvedTsas) implements TrustAnchors {
        @Override
        public List<ApprovedCa> approvedCas() {
            return List.of();
        }

        @Override
        public TrustParameters trustParameters() {
            return TrustParameters.DEFAULTS;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void evidenceOfAnExpiringTsaIsRenewedByOneThatLasts(TestDatabases.Kind kind) throws Exception {
        try (TsaServer expiring = new TsaServer("Expiring TSA", Duration.ofDays(30)).start();
                TsaServer lasting = new TsaServer("Lasting TSA", Duration.ofDays(3650)).start();
                OwnerKey owner = new OwnerKey(dir.resolve("token"));
                Database db = LogFixture.open(TestDatabases.fresh(kind, dir))) {
            Trust both = new Trust(List.of(expiring.approved(), lasting.approved()));
            Trust[] trust = {both};
            SqlTimestampRepository stamps = new SqlTimestampRepository(db);
            MessageLogConfig.Stamping stamping = MessageLogConfig.Stamping.DEFAULTS;
            try (MessageLog log = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db));
                    Checkpointer checkpointer = new Checkpointer(log, new SqlCheckpointRepository(db), owner.signing(),
                            Clock.systemUTC(), Duration.ofHours(1));
                    Timestamper timestamper = new Timestamper(stamping, new Timestamper.Parts(log, checkpointer, stamps,
                            () -> trust[0], Clock.systemUTC()))) {
                LogFixture fixture = new LogFixture();
                for (int i = 0; i < 3; i++) {
                    LogFixture.log(log, fixture.message("r" + i, Direction.REQUEST, 50));
                }
                LogTimestamp batch = timestamper.stampNow().orElseThrow();
                assertThat(batch.tsaName()).isEqualTo("Expiring TSA");
                assertThat(timestamper.renewNow()).as("the expiring TSA's batch is due").isEqualTo(1);
                assertThat(timestamper.renewNow()).as("renewed evidence is not due again").isZero();

                EvidenceRecordVerifier verifier = new EvidenceRecordVerifier(
                        new TimestampVerifier(both.approvedTsas(), Optional.empty()));
                for (long leaf = 0; leaf < 3; leaf++) {
                    List<byte[]> hashes = LogEntries.stampedFiles(log.entries(leaf, leaf + 1).getFirst()).stream()
                            .map(EntryDigest::sha256).toList();
                    VerifiedEvidenceRecord verified = verifier.verify(stamps.evidence(leaf).orElseThrow(), hashes);
                    assertThat(verified.tokens()).hasSize(2);
                    assertThat(verified.tokens().getLast().tsaCertificate().orElseThrow())
                            .isEqualTo(lasting.certificate());
                }
                LogTimestamp renewed = stamps.latest().orElseThrow();
                assertThat(verifier.verify(renewed.checkpointEvidence(), EvidenceBatch.checkpointHashes(
                        checkpointer.latest().orElseThrow().signed())).tokens()).hasSize(2);

                // A new batch by the expiring TSA, and only that TSA approved: renewal cannot help.
                LogFixture.log(log, fixture.message("r3", Direction.REQUEST, 50));
                trust[0] = new Trust(List.of(expiring.approved()));
                timestamper.stampNow();
                assertThatThrownBy(timestamper::renewNow).isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.faultCode().toString()).isEqualTo("TimestampingFailed"));
                assertThat(timestamper.renewalStatus().lastError().orElseThrow().detail())
                        .contains("no approved TSA has a certificate valid after");
            }
        }
    }
}
