// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;
import org.zhol.server.testing.MutableClock;

/**
 * Archives of stamped records chained by digest, verified by the auditor's verifier; retention removes
 * only archived records older than the keep period, and proofs still work afterwards.
 */
class ArchiverTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void archivesChainAndCleaningRemovesOnlyOldArchivedRecords(TestDatabases.Kind kind) throws Exception {
        MutableClock clock = MutableClock.atNow();
        MessageLogConfig config = LogFixture.config(dir).withArchiving(new MessageLogConfig.Archiving(
                Duration.ofHours(1), 3, Duration.ofDays(1))).withCheckpointInterval(Duration.ofHours(1));
        DatabaseConfig dbConfig = TestDatabases.fresh(kind, dir);
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); TsaServer tsa = new TsaServer("Archive TSA").start();
                Database db = LogFixture.open(dbConfig)) {
            GlobalConfiguration configuration = owner.configuration(tsa);
            LogFixture messages = new LogFixture(owner.cadesSigner(), () -> List.of(owner.ocspResponse()));
            MessageLogService.Parts parts = new MessageLogService.Parts(new SqlLogRecordRepository(db),
                    new SqlCheckpointRepository(db), new SqlTimestampRepository(db), new SqlArchiveRepository(db),
                    owner.signing(), () -> configuration);
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts, clock).start()) {
                for (int i = 0; i < 7; i++) {
                    LogFixture.log(service.log(), messages.message("a" + i, Direction.REQUEST, i == 1 ? 9000 : 100));
                }
                assertThat(service.archiver().archiveNow()).as("nothing is stamped yet").isEmpty();
                service.timestamper().stampNow();
                LogArchive last = service.archiver().archiveNow().orElseThrow();
                assertThat(last.sequence()).isEqualTo(3);
                assertThat(last.firstLeaf()).isEqualTo(6);
                assertThat(last.endLeaf()).isEqualTo(7);

                EvidenceVerifier verifier = new EvidenceVerifier(service.evidence().trustSnapshot(),
                        ContainerLimits.DEFAULT);
                Path archives = service.archiver().directory();
                assertThat(archives.resolve("trust-" + service.evidence().trustSnapshot().id().substring(7) + ".json"))
                        .exists();
                Optional<byte[]> previous = Optional.empty();
                for (LogArchive archive : parts.archives().list(Long.MAX_VALUE, 10).reversed()) {
                    Path file = archives.resolve(archive.fileName());
                    try (InputStream in = Files.newInputStream(file)) {
                        Verdict verdict = verifier.verifyArchive(file.toString(), in, previous);
                        assertThat(verdict.passed()).as(verdict.toText()).isTrue();
                    }
                    byte[] digest = EntryDigest.sha256(Files.readAllBytes(file));
                    assertThat(archive.sha256()).isEqualTo(digest);
                    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(HexFormat.of().formatHex(
                            archive.sha256()));
                    previous = Optional.of(digest);
                }
                byte[] tampered = Files.readAllBytes(archives.resolve("archive-00000002.zip"));
                tampered[tampered.length / 2] ^= 1;
                assertThat(verifier.verifyArchive("tampered", new java.io.ByteArrayInputStream(tampered),
                        Optional.of(parts.archives().list(2, 1).getFirst().sha256())).passed()).isFalse();

                // Two more records, not stamped: neither archived nor cleaned, however old.
                LogFixture.log(service.log(), messages.message("b0", Direction.REQUEST, 100));
                LogFixture.log(service.log(), messages.message("b1", Direction.REQUEST, 100));
                assertThat(service.archiver().archiveNow()).isEmpty();
                assertThat(service.archiver().cleanNow()).as("archived, but younger than the keep period").isZero();
                Path bodyFile = service.log().files().file(1);
                assertThat(bodyFile).exists();

                clock.advance(Duration.ofDays(2));
                assertThat(service.archiver().cleanNow()).isEqualTo(7);
                assertThat(service.log().record(0)).isEmpty();
                assertThat(service.log().record(6)).isEmpty();
                assertThat(service.log().record(7)).isPresent();
                assertThat(service.log().record(8)).isPresent();
                assertThat(bodyFile).doesNotExist();
                assertThatThrownBy(() -> service.evidence().record("a3", Direction.REQUEST, OptionalLong.empty()))
                        .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code().name()).isEqualTo("NOT_FOUND"));

                // The tree is whole: proofs for old and new records still work.
                byte[] root = MerkleProofs.root(service.log().tree(), 9);
                MerkleTree.verifyInclusion(MerkleProofs.inclusionProof(service.log().tree(), 2, 9),
                        service.log().tree().hash(0, 2), root, 9);
                MerkleTree.verifyConsistency(MerkleProofs.consistencyProof(service.log().tree(), 7, 9), 7,
                        MerkleProofs.root(service.log().tree(), 7), 9, root);
            }
            // Back to the real time, which the TSA and the OCSP responses keep.
            clock.set(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts, clock).start()) {
                service.timestamper().stampNow();
                LogArchive next = service.archiver().archiveNow().orElseThrow();
                assertThat(next.sequence()).isEqualTo(4);
                assertThat(next.firstLeaf()).isEqualTo(7);
                assertThat(next.endLeaf()).isEqualTo(9);
                try (InputStream in = Files.newInputStream(service.archiver().directory().resolve(next.fileName()))) {
                    Verdict verdict = new EvidenceVerifier(service.evidence().trustSnapshot(), ContainerLimits.DEFAULT)
                            .verifyArchive(next.fileName(), in, Optional.of(parts.archives().list(4, 1).getFirst()
                                    .sha256()));
                    assertThat(verdict.passed()).as(verdict.toText()).isTrue();
                }
            }
        }
    }
}
