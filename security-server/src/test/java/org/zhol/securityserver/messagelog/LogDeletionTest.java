// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.ConsistencyProofCodec;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.merkle.ConsistencyProof;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.protocol.verify.ZholVerifyMain;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/**
 * Issue 7, acceptance "Deletion", at the store level on a real H2 file database: a record deleted from
 * the database is found when the message log starts; a tree rebuilt without it no longer leads to the
 * server's own checkpoints, so the log refuses to start; and once the own checkpoints are deleted too,
 * the checkpoint a peer logged earlier has no consistency proof to the rebuilt log, which the auditor's
 * verifier ({@code zhol verify --consistency}) names.
 */
class LogDeletionTest {

    private static final long DELETED = 4;

    @TempDir
    Path dir;

    @Test
    void aDeletedRecordIsFoundAtStartAndARebuiltTreeFailsThePeersConsistencyCheck() throws Exception {
        DatabaseConfig dbConfig = TestDatabases.fresh(TestDatabases.Kind.H2, dir);
        MessageLogConfig config = LogFixture.config(dir).withCheckpointInterval(java.time.Duration.ofHours(1));
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); TsaServer tsa = new TsaServer("Deletion TSA").start();
                Database db = LogFixture.open(dbConfig)) {
            GlobalConfiguration configuration = owner.configuration(tsa);
            LogFixture messages = new LogFixture(owner.cadesSigner(), () -> List.of(owner.ocspResponse()));
            MessageLogService.Parts parts = new MessageLogService.Parts(new SqlLogRecordRepository(db),
                    new SqlCheckpointRepository(db), new SqlTimestampRepository(db), new SqlArchiveRepository(db),
                    owner.signing(), () -> configuration);
            Path trust;
            Path peerHolds;
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts,
                    Clock.systemUTC()).start()) {
                for (int i = 0; i < 5; i++) {
                    LogFixture.log(service.log(), messages.message("d" + i, Direction.REQUEST, 100));
                }
                LogCheckpoint five = service.checkpointer().checkpointNow().orElseThrow();
                for (int i = 5; i < 10; i++) {
                    LogFixture.log(service.log(), messages.message("d" + i, Direction.RESPONSE, 100));
                }
                LogCheckpoint ten = service.checkpointer().checkpointNow().orElseThrow();
                trust = Files.write(dir.resolve("trust.json"), service.evidence().trustSnapshot().encoded());
                // What a peer logged: the signed checkpoint that came with a message, as bytes.
                peerHolds = Files.write(dir.resolve("peer-logged-10.txt"), ten.signed().encode());
                // Control: while the log is whole, the auditor's verifier accepts 5 -> 10.
                Path earlier = Files.write(dir.resolve("own-5.txt"), five.signed().encode());
                Path proof = Files.write(dir.resolve("proof-5-10.txt"), ConsistencyProofCodec.encode(
                        MerkleProofs.consistencyProof(service.log().tree(), 5, 10)));
                Verify whole = verify("--trust", trust.toString(), "--consistency", earlier.toString(),
                        peerHolds.toString(), "--proof", proof.toString(), "--json");
                assertThat(whole.status()).as(whole.out()).isZero();
            }

            // 1. Someone deletes record 4 from the database.
            execute(db, "DELETE FROM ml_record WHERE leaf_index = " + DELETED);
            assertThat(refusal(config, parts)).contains("leaf " + DELETED).contains("missing");

            // 2. To hide the gap, the tree is rebuilt from the remaining records (leaves renumbered).
            rebuildTreeFromRecords(db);
            assertThat(parts.records().treeSize()).isEqualTo(9);
            assertThat(refusal(config, parts)).contains("fewer than this server's own signed checkpoint of size 10");

            // 3. Deleting the latest own checkpoint does not help: the one of size 5 covered record 4 too.
            execute(db, "DELETE FROM ml_checkpoint WHERE tree_size = 10");
            assertThat(refusal(config, parts)).contains("does not lead to the root")
                    .contains("checkpoint of size 5");

            // 4. With every own checkpoint gone the log starts and signs again, but the peer still holds
            //    the checkpoint of size 10, and no proof leads from it to the rebuilt log.
            execute(db, "DELETE FROM ml_checkpoint");
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts,
                    Clock.systemUTC()).start()) {
                for (int i = 10; i < 13; i++) {
                    LogFixture.log(service.log(), messages.message("d" + i, Direction.REQUEST, 100));
                }
                LogCheckpoint twelve = service.checkpointer().checkpointNow().orElseThrow();
                assertThat(twelve.treeSize()).isEqualTo(12);
                owner.verifier().verify(twelve.signed());
                ConsistencyProof proof = MerkleProofs.consistencyProof(service.log().tree(), 10, 12);
                SignedCheckpoint logged = SignedCheckpoint.decode(Files.readAllBytes(peerHolds));
                CheckpointVerifier verifier = owner.verifier();
                assertThatThrownBy(() -> CheckpointVerifier.verifyConsistency(verifier.verify(logged).checkpoint(),
                        verifier.verify(twelve.signed()).checkpoint(), proof))
                        .isInstanceOfSatisfying(ZholException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HASH_CHAIN));

                Path later = Files.write(dir.resolve("rebuilt-12.txt"), twelve.signed().encode());
                Path proofFile = Files.write(dir.resolve("proof-10-12.txt"), ConsistencyProofCodec.encode(proof));
                Verify auditor = verify("--trust", trust.toString(), "--consistency", peerHolds.toString(),
                        later.toString(), "--proof", proofFile.toString(), "--json");
                assertThat(auditor.status()).as(auditor.out() + auditor.err()).isEqualTo(1);
                JsonNode verdict = new ObjectMapper().readTree(auditor.out()).get("verdicts").get(0);
                assertThat(verdict.get("failure").get("check").asText()).isEqualTo("consistency");
                assertThat(verdict.get("failure").get("faultCode").asText()).isEqualTo("InvalidHashChain");
                assertThat(verdict.get("facts").get("sizes").asText()).isEqualTo("10 -> 12");

                Verify text = verify("--trust", trust.toString(), "--consistency", peerHolds.toString(),
                        later.toString(), "--proof", proofFile.toString());
                assertThat(text.out()).contains("consistency").contains("Verification FAILED");
            }
        }
    }

    /** Starts the log service and returns the detail of the {@code LogInconsistent} it refuses with. */
    private static String refusal(MessageLogConfig config, MessageLogService.Parts parts) {
        MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts, Clock.systemUTC());
        try {
            service.start();
            service.close();
            throw new AssertionError("the message log started over an inconsistent store");
        } catch (ZholException e) {
            assertThat(e.faultCode().toString()).isEqualTo("LogInconsistent");
            return e.detail();
        }
    }

    /**
     * What someone hiding a deleted record must do: renumber the remaining records, then recompute and
     * store every tree node from their leaf hashes, so the tree is whole again.
     */
    private static void rebuildTreeFromRecords(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE ml_record SET leaf_index = leaf_index + 999999 WHERE leaf_index > " + DELETED);
                s.executeUpdate("UPDATE ml_record SET leaf_index = leaf_index - 1000000 WHERE leaf_index > 999999");
                s.executeUpdate("DELETE FROM ml_tree_node");
            }
            List<byte[]> leaves = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT leaf_hash FROM ml_record ORDER BY leaf_index")) {
                while (r.next()) {
                    leaves.add(r.getBytes(1));
                }
            }
            MerkleFrontier tree = MerkleFrontier.EMPTY;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ml_tree_node (tree_level, node_index, hash) VALUES (?, ?, ?)")) {
                for (byte[] leaf : leaves) {
                    MerkleFrontier.Appended appended = tree.append(leaf);
                    tree = appended.frontier();
                    for (MerkleFrontier.SubtreeNode node : appended.completed()) {
                        insert.setInt(1, node.level());
                        insert.setLong(2, node.index());
                        insert.setBytes(3, node.hash());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    private record Verify(int status, String out, String err) {
    }

    private static Verify verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = ZholVerifyMain.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Verify(status, out.toString(), err.toString());
    }
}
