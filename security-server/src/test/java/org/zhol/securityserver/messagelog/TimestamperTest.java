// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.securityserver.messagelog.LogFixture.log;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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
import org.zhol.protocol.tsp.TspClientConfig;
import org.zhol.securityserver.health.TimestampingHealthCheck;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;
import org.zhol.server.testing.MutableClock;

/**
 * Time-stamping against real TSAs over HTTP on loopback: in order, a TSA going down (traffic goes on,
 * then {@code TimestamperFailed} after the acceptable failure period) and coming back (the backlog is
 * stamped by the schedule and the check passes again).
 */
class TimestamperTest {

    private static final Duration PERIOD = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    private final LogFixture fixture = new LogFixture();

    /** The trust part of a global configuration: the TSAs, stamping every second. */
    private record Trust(List<ApprovedTsa> approvedTsas) implements TrustAnchors {
        @Override
        public List<ApprovedCa> approvedCas() {
            return List.of();
        }

        @Override
        public TrustParameters trustParameters() {
            return new TrustParameters(Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMinutes(10));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTsaOutageStopsTrafficOnlyAfterTheFailurePeriodAndTheBacklogIsStampedWhenItReturns(TestDatabases.Kind kind)
            throws Exception {
        MutableClock clock = MutableClock.atNow();
        MessageLogConfig.Stamping stamping = new MessageLogConfig.Stamping(PERIOD, Duration.ofMillis(200),
                new TspClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), 66_560), 2, Duration.ofDays(90));
        try (TsaServer broken = new TsaServer("Broken TSA"); TsaServer tsa = new TsaServer("Dev TSA").start();
                OwnerKey owner = new OwnerKey(dir.resolve("token"));
                Database db = LogFixture.open(TestDatabases.fresh(kind, dir))) {
            broken.start();
            broken.stop();
            Trust trust = new Trust(List.of(broken.approved(), tsa.approved()));
            SqlTimestampRepository stamps = new SqlTimestampRepository(db);
            try (MessageLog messageLog = new MessageLog(LogFixture.config(dir), LogFixture.SERVER,
                    new SqlLogRecordRepository(db), clock).start();
                    Checkpointer checkpointer = new Checkpointer(messageLog, new SqlCheckpointRepository(db),
                            owner.signing(), clock, Duration.ofHours(1)).start();
                    Timestamper timestamper = new Timestamper(stamping, new Timestamper.Parts(messageLog, checkpointer,
                            stamps, () -> trust, clock))) {
                assertThat(timestamper.stampNow()).as("nothing to stamp").isEmpty();
                for (int i = 0; i < 3; i++) {
                    log(messageLog, fixture.message("t" + i, Direction.REQUEST, 10));
                }
                assertThat(timestamper.oldestUnstamped()).contains(clock.instant());

                // Two records per batch: the three records take two TSA requests, both with the checkpoint of 3.
                LogTimestamp last = timestamper.stampNow().orElseThrow();
                assertThat(last.firstLeaf()).isEqualTo(2);
                assertThat(last.endLeaf()).isEqualTo(3);
                assertThat(last.checkpointSize()).isEqualTo(3);
                LogTimestamp first = stamps.covering(0).orElseThrow();
                assertThat(first.endLeaf()).isEqualTo(2);
                assertThat(first.tsaName()).as("the first approved TSA is down; the second stamped").isEqualTo("Dev TSA");
                assertThat(tsa.answered()).isEqualTo(2);
                EvidenceRecordVerifier evidence = new EvidenceRecordVerifier(
                        new TimestampVerifier(trust.approvedTsas(), Optional.empty()));
                for (long leaf = 0; leaf < 3; leaf++) {
                    List<byte[]> hashes = LogEntries.stampedFiles(messageLog.entries(leaf, leaf + 1).getFirst())
                            .stream().map(EntryDigest::sha256).toList();
                    VerifiedEvidenceRecord verified = evidence.verify(stamps.evidence(leaf).orElseThrow(), hashes);
                    assertThat(verified.tokens()).hasSize(1);
                }
                LogCheckpoint stampedCheckpoint = checkpointer.latest().orElseThrow();
                evidence.verify(last.checkpointEvidence(), EvidenceBatch.checkpointHashes(stampedCheckpoint.signed()));
                assertThat(timestamper.oldestUnstamped()).isEmpty();
                timestamper.check(Side.CLIENT_PROXY);

                // The TSA goes down: traffic continues within the acceptable failure period.
                tsa.stop();
                log(messageLog, fixture.message("t3", Direction.RESPONSE, 10));
                Instant unstampedSince = clock.instant();
                clock.advance(Duration.ofSeconds(1));
                log(messageLog, fixture.message("t4", Direction.REQUEST, 10));
                assertThatThrownBy(timestamper::stampNow).isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.faultCode().toString()).isEqualTo("TimestampingFailed.NetworkError"));
                assertThat(timestamper.status().lastError().orElseThrow().code())
                        .isEqualTo("TimestampingFailed.NetworkError");
                assertThat(timestamper.oldestUnstamped()).contains(unstampedSince);
                clock.advance(PERIOD.minusSeconds(1));
                timestamper.check(Side.CLIENT_PROXY);

                // Past the period, new exchanges fail, on both proxies.
                clock.advance(Duration.ofSeconds(1));
                assertThatThrownBy(() -> timestamper.check(Side.CLIENT_PROXY)).isInstanceOfSatisfying(
                        ZholException.class, e -> assertThat(e.faultCode().toString())
                                .isEqualTo("Server.ClientProxy.LoggingFailed.TimestamperFailed"));
                assertThatThrownBy(() -> timestamper.check(Side.SERVER_PROXY)).isInstanceOfSatisfying(
                        ZholException.class, e -> assertThat(e.faultCode().toString())
                                .isEqualTo("Server.ServerProxy.LoggingFailed.TimestamperFailed"));
                TimestampingHealthCheck health = new TimestampingHealthCheck(timestamper);
                assertThat(health.check().reason()).hasValueSatisfying(r -> assertThat(r).contains("unstamped since"));

                // The TSA comes back: the schedule stamps the backlog and the check passes again.
                tsa.start();
                timestamper.start();
                await(() -> timestamper.stampedSize() == 5);
                timestamper.check(Side.CLIENT_PROXY);
                assertThat(health.check().ok()).isTrue();
                LogTimestamp backlog = stamps.latest().orElseThrow();
                assertThat(backlog.firstLeaf()).isEqualTo(3);
                assertThat(backlog.endLeaf()).isEqualTo(5);
                assertThat(stamps.evidence(4)).isPresent();
                assertThat(stamps.covering(4)).contains(backlog);
                assertThat(stamps.covering(2)).contains(last);
                assertThat(timestamper.status().lastError()).isEmpty();
            }
            // After a restart the stamped size comes back from the store.
            try (MessageLog messageLog = new MessageLog(LogFixture.config(dir), LogFixture.SERVER,
                    new SqlLogRecordRepository(db), clock).start();
                    Checkpointer checkpointer = new Checkpointer(messageLog, new SqlCheckpointRepository(db),
                            owner.signing(), clock, Duration.ofHours(1)).start();
                    Timestamper timestamper = new Timestamper(stamping, new Timestamper.Parts(messageLog, checkpointer,
                            stamps, () -> trust, clock)).start()) {
                assertThat(timestamper.stampedSize()).isEqualTo(5);
                assertThat(timestamper.oldestUnstamped()).isEmpty();
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for the condition").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
