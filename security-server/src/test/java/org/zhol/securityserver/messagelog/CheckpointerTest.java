// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.securityserver.messagelog.LogFixture.log;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.log.VerifiedCheckpoint;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/** Checkpoints signed by the owner's key on a real software token, stored on H2 and PostgreSQL. */
class CheckpointerTest {

    @TempDir
    Path dir;
    private final LogFixture fixture = new LogFixture();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void checkpointsAreSignedVerifiableConsistentAndSurviveARestart(TestDatabases.Kind kind) throws Exception {
        DatabaseConfig dbConfig = TestDatabases.fresh(kind, dir);
        List<byte[]> leaves = new ArrayList<>();
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); Database db = LogFixture.open(dbConfig)) {
            SqlLogRecordRepository records = new SqlLogRecordRepository(db);
            SqlCheckpointRepository stored = new SqlCheckpointRepository(db);
            CheckpointVerifier verifier = owner.verifier();
            try (MessageLog messageLog = LogFixture.start(LogFixture.config(dir), records);
                    Checkpointer checkpointer = new Checkpointer(messageLog, stored, owner.signing(), Clock.systemUTC(),
                            Duration.ofHours(1)).start()) {
                assertThat(checkpointer.checkpointNow()).as("nothing to sign in an empty log").isEmpty();
                for (int i = 0; i < 5; i++) {
                    leaves.add(log(messageLog, fixture.message("c" + i, Direction.REQUEST, 10)).leafHash());
                }
                LogCheckpoint first = checkpointer.checkpointNow().orElseThrow();
                VerifiedCheckpoint verified = verifier.verify(SignedCheckpoint.decode(first.signed().encode()));
                assertThat(verified.checkpoint().treeSize()).isEqualTo(5);
                assertThat(verified.checkpoint().rootHash()).isEqualTo(MerkleTree.rootOf(leaves));
                assertThat(verified.checkpoint().logId()).isEqualTo(LogFixture.SERVER);
                assertThat(verified.member()).isEqualTo(LogFixture.SERVER.owner());
                assertThat(checkpointer.checkpointNow()).as("no growth, no new checkpoint").contains(first);

                for (int i = 5; i < 8; i++) {
                    leaves.add(log(messageLog, fixture.message("c" + i, Direction.RESPONSE, 10)).leafHash());
                }
                LogCheckpoint second = checkpointer.checkpointNow().orElseThrow();
                verifier.verify(second.signed());
                assertThat(second.treeSize()).isEqualTo(8);
                CheckpointVerifier.verifyConsistency(first.checkpoint(), second.checkpoint(),
                        MerkleProofs.consistencyProof(records, 5, 8));
                MerkleTree.verifyInclusion(MerkleProofs.inclusionProof(records, 2, 8), leaves.get(2),
                        second.checkpoint().rootHash(), 8);
                assertThat(checkpointer.status().lastSuccess()).isPresent();
            }
            try (MessageLog messageLog = LogFixture.start(LogFixture.config(dir), records);
                    Checkpointer checkpointer = new Checkpointer(messageLog, stored, owner.signing(), Clock.systemUTC(),
                            Duration.ofHours(1)).start()) {
                assertThat(checkpointer.latest().orElseThrow().treeSize()).isEqualTo(8);
                assertThat(stored.find(5)).isPresent();
                assertThat(stored.firstCovering(6).orElseThrow().treeSize()).isEqualTo(8);
                assertThat(stored.list(Long.MAX_VALUE, 10)).extracting(LogCheckpoint::treeSize).containsExactly(8L, 5L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theScheduleSignsWhenTheLogGrewAndNotWithoutAKeyAndOcsp(TestDatabases.Kind kind) throws Exception {
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); Database db = LogFixture.open(TestDatabases.fresh(kind, dir));
                MessageLog messageLog = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db));
                Checkpointer checkpointer = new Checkpointer(messageLog, new SqlCheckpointRepository(db),
                        owner.signing(), Clock.systemUTC(), Duration.ofMillis(100)).start()) {
            owner.ocspAvailable(false);
            log(messageLog, fixture.message("s1", Direction.REQUEST, 10));
            assertThatThrownBy(checkpointer::checkpointNow).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.faultCode().toString()).isEqualTo("MissingValidationInfo"));
            assertThat(checkpointer.latest()).isEmpty();
            assertThat(checkpointer.status().lastError().orElseThrow().code()).isEqualTo("MissingValidationInfo");

            owner.ocspAvailable(true);
            log(messageLog, fixture.message("s2", Direction.REQUEST, 10));
            Instant deadline = Instant.now().plusSeconds(30);
            while (checkpointer.latest().map(LogCheckpoint::treeSize).orElse(0L) < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(checkpointer.latest().orElseThrow().treeSize()).isEqualTo(2);
            owner.verifier().verify(checkpointer.latest().orElseThrow().signed());
            assertThat(checkpointer.status().lastError()).isEmpty();

            owner.lock();
            log(messageLog, fixture.message("s3", Direction.REQUEST, 10));
            assertThatThrownBy(checkpointer::checkpointNow).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.faultCode().toString()).isEqualTo("TokenNotActive"));
        }
    }
}
