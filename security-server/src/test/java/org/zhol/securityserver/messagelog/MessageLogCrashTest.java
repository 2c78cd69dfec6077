// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/**
 * Durability: a separate JVM logs records under load and is killed with {@code kill -9}; every record
 * whose commit had returned is found afterwards, with its body, and the tree has no torn node.
 */
class MessageLogCrashTest {

    private static final int ACKNOWLEDGED = 200;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyAcknowledgedRecordSurvivesKillMinus9(TestDatabases.Kind kind) throws Exception {
        DatabaseConfig dbConfig = TestDatabases.fresh(kind, dir);
        List<String[]> durable = new ArrayList<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), dbConfig.jdbcUrl(), dbConfig.user(),
                dbConfig.password(), dir.toString()).redirectError(Files.createTempFile(dir, "child", ".log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (durable.size() < ACKNOWLEDGED) {
                assertThat(Instant.now()).as("the child logs records").isBefore(deadline);
                String line = out.readLine();
                assertThat(line).as("the child is running").isNotNull();
                if (line.startsWith("DURABLE ")) {
                    durable.add(line.split(" "));
                }
            }
            // kill -9 while the eight threads keep committing.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Database db = LogFixture.open(dbConfig)) {
            SqlLogRecordRepository records = new SqlLogRecordRepository(db);
            try (MessageLog log = LogFixture.start(LogFixture.config(dir), records)) {
                for (String[] line : durable) {
                    StoredRecord record = log.record(Long.parseLong(line[1])).orElseThrow(
                            () -> new AssertionError("acknowledged record " + line[1] + " is lost"));
                    assertThat(record.opening().messageId()).isEqualTo(line[2]);
                    byte[] body = LogFixture.read(log.body(record));
                    assertThat(HexFormat.of().formatHex(EntryDigest.sha256(body))).isEqualTo(line[3]);
                }
                long size = records.treeSize();
                assertThat(size).isGreaterThanOrEqualTo(durable.size());
                List<byte[]> leaves = new ArrayList<>();
                for (long i = 0; i < size; i++) {
                    leaves.add(records.find(i).orElseThrow().logged().leafHash());
                }
                assertThat(MerkleFrontier.of(records, size).root()).isEqualTo(MerkleTree.rootOf(leaves));
                LoggedRecord after = LogFixture.log(log, new LogFixture().message("after", Direction.RESPONSE, 50_000));
                assertThat(after.leafIndex()).isEqualTo(size);
            }
            try (var spool = Files.list(dir.resolve("messagelog/spool"))) {
                assertThat(spool).as("spooled bodies of unacknowledged records were removed").isEmpty();
            }
        }
    }
}
