// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.securityserver.messagelog.LogFixture.log;
import static org.zhol.securityserver.messagelog.LogFixture.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/** The message log's records, bodies, group commit and tree on a real H2 file database and PostgreSQL. */
class MessageLogStoreTest {

    @TempDir
    Path dir;
    private final LogFixture fixture = new LogFixture();

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keepsShortLongAndMetadataOnlyBodiesAcrossARestart(TestDatabases.Kind kind) throws Exception {
        DatabaseConfig dbConfig = TestDatabases.fresh(kind, dir);
        SubsystemId quiet = SubsystemId.parse("DEV/GOV/1234/QUIET");
        MessageLogConfig config = LogFixture.config(dir).withBodyLogging(
                new BodyLogging(LogMode.FULL, Map.of(quiet, LogMode.METADATA_ONLY)));
        LogFixture.Message small = fixture.message("small", Direction.REQUEST, 100);
        LogFixture.Message large = fixture.message("large", Direction.RESPONSE, 300_000);
        LogFixture.Message empty = fixture.message("empty", Direction.REQUEST, 0);
        LogFixture.Message hidden = quietMessage("hidden", quiet);
        try (Database db = LogFixture.open(dbConfig);
                MessageLog messageLog = LogFixture.start(config, new SqlLogRecordRepository(db))) {
            assertThat(log(messageLog, small).leafIndex()).isZero();
            assertThat(log(messageLog, large).leafIndex()).isEqualTo(1);
            assertThat(log(messageLog, empty).leafIndex()).isEqualTo(2);
            assertThat(log(messageLog, hidden).leafIndex()).isEqualTo(3);
        }
        try (Database db = LogFixture.open(dbConfig);
                MessageLog messageLog = LogFixture.start(config, new SqlLogRecordRepository(db))) {
            assertThat(messageLog.size()).isEqualTo(4);
            StoredRecord first = only(messageLog.find("small", Direction.REQUEST));
            assertThat(first.body().storage()).isEqualTo(BodyInfo.Storage.INLINE);
            assertThat(read(messageLog.body(first))).isEqualTo(small.body());
            assertThat(first.opening()).isEqualTo(small.opening());
            assertThat(first.trailer()).isEqualTo(small.trailer());

            StoredRecord second = only(messageLog.find("large", Direction.RESPONSE));
            assertThat(second.body().storage()).isEqualTo(BodyInfo.Storage.FILE);
            assertThat(second.body().length()).isEqualTo(300_000);
            assertThat(second.body().sha256()).isEqualTo(EntryDigest.sha256(large.body()));
            assertThat(read(messageLog.body(second))).isEqualTo(large.body());
            assertThat(messageLog.find("large", Direction.REQUEST)).isEmpty();

            StoredRecord third = only(messageLog.find("empty", Direction.REQUEST));
            assertThat(read(messageLog.body(third))).isEmpty();

            StoredRecord fourth = only(messageLog.find("hidden", Direction.REQUEST));
            assertThat(fourth.body().mode()).isEqualTo(LogMode.METADATA_ONLY);
            assertThat(fourth.body().sha256()).isEqualTo(EntryDigest.sha256(hidden.body()));
            assertThat(fourth.body().length()).isEqualTo(hidden.body().length);
            assertThat(messageLog.body(fourth)).isEmpty();
            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT body_inline FROM ml_record WHERE leaf_index = 3"); ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBytes(1)).as("a metadata-only body is not stored").isNull();
            }
            assertThat(messageLog.files().file(3)).doesNotExist();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentCommitsShareTransactionsAndTheTreeHoldsThemAll(TestDatabases.Kind kind) throws Exception {
        int threads = 16;
        int perThread = 40;
        try (Database db = LogFixture.open(TestDatabases.fresh(kind, dir))) {
            SqlLogRecordRepository records = new SqlLogRecordRepository(db);
            List<LogFixture.Message> messages = new ArrayList<>();
            for (int i = 0; i < threads * perThread; i++) {
                messages.add(fixture.message("m" + i, i % 2 == 0 ? Direction.REQUEST : Direction.RESPONSE,
                        i % 10 == 0 ? 10_000 : 50));
            }
            List<LoggedRecord> logged = new ArrayList<>();
            try (MessageLog messageLog = LogFixture.start(LogFixture.config(dir), records);
                    ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<List<LoggedRecord>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<LogFixture.Message> mine = messages.subList(t * perThread, (t + 1) * perThread);
                    results.add(pool.submit(() -> mine.stream().map(m -> log(messageLog, m)).toList()));
                }
                for (Future<List<LoggedRecord>> result : results) {
                    logged.addAll(result.get());
                }
                assertThat(messageLog.size()).isEqualTo(messages.size());
            }
            assertThat(records.appendTransactions()).as("transactions for %d records", messages.size())
                    .isLessThan(messages.size());
            Set<Long> indexes = new HashSet<>();
            logged.forEach(r -> indexes.add(r.leafIndex()));
            assertThat(indexes).hasSize(messages.size()).allMatch(i -> i >= 0 && i < messages.size());

            List<byte[]> leaves = new ArrayList<>();
            for (long i = 0; i < messages.size(); i++) {
                StoredRecord stored = records.find(i).orElseThrow();
                leaves.add(stored.logged().leafHash());
                assertThat(stored.logged().leafHash()).isEqualTo(stored.entry().leafHash());
            }
            byte[] root = MerkleTree.rootOf(leaves);
            assertThat(MerkleProofs.root(records, messages.size())).isEqualTo(root);
            InclusionProof proof = MerkleProofs.inclusionProof(records, 123, messages.size());
            MerkleTree.verifyInclusion(proof, leaves.get(123), root, messages.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theTreeContinuesAfterARestart(TestDatabases.Kind kind) {
        DatabaseConfig dbConfig = TestDatabases.fresh(kind, dir);
        List<byte[]> leaves = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (Database db = LogFixture.open(dbConfig);
                    MessageLog messageLog = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db))) {
                assertThat(messageLog.size()).isEqualTo(leaves.size());
                for (int i = 0; i < 7; i++) {
                    LoggedRecord logged = log(messageLog, fixture.message("r" + round + "-" + i, Direction.REQUEST, 10));
                    assertThat(logged.leafIndex()).isEqualTo(leaves.size());
                    leaves.add(logged.leafHash());
                }
            }
        }
        try (Database db = LogFixture.open(dbConfig)) {
            SqlLogRecordRepository records = new SqlLogRecordRepository(db);
            assertThat(records.treeSize()).isEqualTo(21);
            for (int size = 1; size <= 21; size++) {
                assertThat(MerkleProofs.root(records, size)).isEqualTo(MerkleTree.rootOf(leaves.subList(0, size)));
            }
            MerkleTree.verifyConsistency(MerkleProofs.consistencyProof(records, 7, 21), 7,
                    MerkleTree.rootOf(leaves.subList(0, 7)), 21, MerkleTree.rootOf(leaves));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailedWriteFailsItsCommitsWithLoggingFailedAndLeavesNothingHalfWritten(TestDatabases.Kind kind)
            throws Exception {
        try (Database db = LogFixture.open(TestDatabases.fresh(kind, dir))) {
            SqlLogRecordRepository records = new SqlLogRecordRepository(db);
            try (MessageLog messageLog = LogFixture.start(LogFixture.config(dir), records)) {
                log(messageLog, fixture.message("before", Direction.REQUEST, 10));
                // Another writer took leaf 1 behind the log's back: the next batch's insert collides.
                plant(db, 1);
                LogFixture.Message server = fixture.message("refused", Direction.RESPONSE, Side.SERVER_PROXY,
                        20_000, Optional.empty());
                CompletableFuture<LoggedRecord> refused;
                try (OpenRecord record = messageLog.open(server.opening())) {
                    LogFixture.feed(record, server.body());
                    refused = record.commit(server.trailer());
                }
                ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        refused::get);
                assertThat(failure.getCause()).isInstanceOfSatisfying(ZholException.class, e ->
                        assertThat(e.faultCode().toString()).isEqualTo("Server.ServerProxy.LoggingFailed"));
                assertThat(messageLog.find("refused", Direction.RESPONSE)).isEmpty();
                assertThat(count(db, "SELECT COUNT(*) FROM ml_tree_node")).as("only the first leaf").isEqualTo(1);
                assertThat(messageLog.files().file(1)).as("its body file was removed").doesNotExist();
                try (var spool = Files.list(dir.resolve("messagelog/spool"))) {
                    assertThat(spool).isEmpty();
                }

                unplant(db, 1);
                assertThat(log(messageLog, fixture.message("after", Direction.REQUEST, 10)).leafIndex()).isEqualTo(1);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM ml_record")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBodyThatCannotBePlacedFailsTheCommit(TestDatabases.Kind kind) throws Exception {
        try (Database db = LogFixture.open(TestDatabases.fresh(kind, dir));
                MessageLog messageLog = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db))) {
            // The shard directory of leaf 0 is a file: the body cannot be moved there.
            Files.writeString(dir.resolve("messagelog/bodies/0"), "in the way");
            LogFixture.Message message = fixture.message("blocked", Direction.REQUEST, 50_000);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> log(messageLog, message))
                    .isInstanceOfSatisfying(ZholException.class, e ->
                            assertThat(e.faultCode().toString()).isEqualTo("Server.ClientProxy.LoggingFailed"));
            assertThat(count(db, "SELECT COUNT(*) FROM ml_record")).isZero();
            Files.delete(dir.resolve("messagelog/bodies/0"));
            assertThat(log(messageLog, message).leafIndex()).isZero();
            assertThat(read(messageLog.body(messageLog.record(0).orElseThrow()))).isEqualTo(message.body());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aManifestThatDoesNotMatchTheLoggedBytesIsRefused(TestDatabases.Kind kind) {
        try (Database db = LogFixture.open(TestDatabases.fresh(kind, dir));
                MessageLog messageLog = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db))) {
            LogFixture.Message message = fixture.message("tampered", Direction.REQUEST, 100);
            byte[] other = message.body().clone();
            other[5] ^= 1;
            try (OpenRecord record = messageLog.open(message.opening())) {
                LogFixture.feed(record, other);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> record.commitAndWait(message.trailer()))
                        .isInstanceOfSatisfying(ZholException.class, e -> {
                            assertThat(e.faultCode().toString()).isEqualTo("Server.ClientProxy.LoggingFailed");
                            assertThat(e.detail()).contains("'body'");
                        });
            }
            assertThat(messageLog.size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBodyKnownOnlyByItsDigestIsLoggedMetadataOnly(TestDatabases.Kind kind) {
        try (Database db = LogFixture.open(TestDatabases.fresh(kind, dir));
                MessageLog messageLog = LogFixture.start(LogFixture.config(dir), new SqlLogRecordRepository(db))) {
            LogFixture.Message message = fixture.message("digest-only", Direction.RESPONSE, 70_000);
            try (OpenRecord record = messageLog.open(message.opening())) {
                record.bodyDigest(EntryDigest.sha256(message.body()));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> record.body(new byte[1], 0, 1))
                        .isInstanceOf(IllegalStateException.class);
                record.commitAndWait(message.trailer());
            }
            StoredRecord stored = only(messageLog.find("digest-only", Direction.RESPONSE));
            assertThat(stored.body()).isEqualTo(new BodyInfo(LogMode.METADATA_ONLY, BodyInfo.Storage.NONE,
                    BodyInfo.UNKNOWN_LENGTH, EntryDigest.sha256(message.body())));
            assertThat(stored.entry().entry("body").orElseThrow().sha256()).isEqualTo(EntryDigest.sha256(message.body()));
            assertThat(messageLog.body(stored)).isEmpty();
        }
    }

    private LogFixture.Message quietMessage(String id, SubsystemId quiet) {
        LogFixture.Message m = fixture.message(id, Direction.REQUEST, Side.SERVER_PROXY, 5000, Optional.empty());
        // Logged on the server proxy of the quiet provider subsystem.
        RecordOpening o = m.opening();
        return new LogFixture.Message(new RecordOpening(o.direction(), o.side(), o.messageId(), o.client(),
                quiet.service("getRandom"), o.metadataXml(), o.headJson()), m.body(), m.trailer());
    }

    private static StoredRecord only(List<StoredRecord> records) {
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static long count(Database db, String sql) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static void plant(Database db, long leaf) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ml_record (leaf_index, logged_at, message_id, "
                    + "direction, side, client, service, metadata_xml, head_json, body_mode, body_storage, body_length, "
                    + "body_sha256, manifest, signature_cms, leaf_hash, log_entry) SELECT ?, logged_at, 'planted', direction, side, "
                    + "client, service, metadata_xml, head_json, body_mode, body_storage, body_length, body_sha256, "
                    + "manifest, signature_cms, leaf_hash, log_entry FROM ml_record WHERE leaf_index = 0")) {
                s.setLong(1, leaf);
                return s.executeUpdate();
            }
        });
    }

    private static void unplant(Database db, long leaf) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM ml_record WHERE leaf_index = ?")) {
                s.setLong(1, leaf);
                return s.executeUpdate();
            }
        });
    }
}
