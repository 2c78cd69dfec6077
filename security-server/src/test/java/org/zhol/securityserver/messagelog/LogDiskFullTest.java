// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;

/**
 * Issue 7, acceptance "Disk full", at the store level: the message log's directory and its H2 file on a
 * small tmpfs. A full disk fails the writes with {@code LoggingFailed} (the exchange forwards nothing
 * then) and leaves no half-written record; when space returns, by removing a filler file or by growing
 * the file system, writes succeed again, every record is whole, and the checkpoints stay consistent.
 *
 * <p>Mounting needs root (as the test machine and CI run); without it the test fails, it is not skipped.
 */
class LogDiskFullTest {

    /** The file system's size at first: room for the database, a few records, and the filler. */
    private static final String SMALL = "6m";
    private static final String LARGER = "12m";

    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsWritesWithLoggingFailedAndTheLogRecoversWhenSpaceReturns() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount(disk, SMALL);
        try {
            run(disk);
        } finally {
            unmount(disk);
        }
    }

    private void run(Path disk) throws Exception {
        DatabaseConfig dbConfig = DatabaseConfig.h2File(disk, "zhol");
        // The server's layout: the H2 file and the message log's directory in one data directory.
        MessageLogConfig config = LogFixture.config(disk).withCheckpointInterval(Duration.ofHours(1));
        try (OwnerKey owner = new OwnerKey(dir.resolve("token")); TsaServer tsa = new TsaServer("Disk TSA").start();
                Database db = LogFixture.open(dbConfig)) {
            GlobalConfiguration configuration = owner.configuration(tsa);
            LogFixture messages = new LogFixture(owner.cadesSigner(), () -> List.of(owner.ocspResponse()));
            MessageLogService.Parts parts = new MessageLogService.Parts(new SqlLogRecordRepository(db),
                    new SqlCheckpointRepository(db), new SqlTimestampRepository(db), new SqlArchiveRepository(db),
                    owner.signing(), () -> configuration);
            List<String> logged = new ArrayList<>();
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts,
                    Clock.systemUTC()).start()) {
                logSome(service, messages, "before", logged);
                LogCheckpoint before = service.checkpointer().checkpointNow().orElseThrow();

                // 1. Fill the disk with a filler file; every write fails with LoggingFailed, none commits.
                Path filler = fill(disk);
                long size = service.log().size();
                List<String> codes = failSome(service, messages, "full1");
                assertThat(codes).as("small and long bodies").allMatch(c -> c.equals("Server.ClientProxy.LoggingFailed"));
                assertThat(service.log().size()).isEqualTo(size);

                // 2. Space returns: the filler is removed. Writes succeed again.
                Files.delete(filler);
                logSome(service, messages, "after-delete", logged);

                // 3. Full again, then the file system is made larger.
                filler = fill(disk);
                failSome(service, messages, "full2");
                remount(disk, LARGER);
                logSome(service, messages, "after-grow", logged);
                Files.delete(filler);

                LogCheckpoint after = service.checkpointer().checkpointNow().orElseThrow();
                checkWhole(service, owner, before, after, logged);
                for (LogCheckpoint stored : parts.checkpoints().list(Long.MAX_VALUE, 100)) {
                    assertThat(MerkleProofs.root(service.log().tree(), stored.treeSize())).as("checkpoint %d",
                            stored.treeSize()).isEqualTo(stored.checkpoint().rootHash());
                }
                // No file is left of the records that failed: no spool file, no body without its record.
                Path files = config.directory();
                assertThat(files.startsWith(disk)).isTrue();
                try (java.util.stream.Stream<Path> spool = Files.list(files.resolve("spool"));
                        java.util.stream.Stream<Path> bodies = Files.walk(files.resolve("bodies"))) {
                    assertThat(spool).isEmpty();
                    long fileRecords = java.util.stream.LongStream.range(0, logged.size()).filter(leaf -> service.log()
                            .record(leaf).orElseThrow().body().storage() == BodyInfo.Storage.FILE).count();
                    assertThat(fileRecords).isEqualTo(logged.size() / 2);
                    assertThat(bodies.filter(f -> f.toString().endsWith(".body")).count()).isEqualTo(fileRecords);
                }
                for (String id : List.of("full1-0", "full1-1", "full2-0", "full2-1")) {
                    assertThat(service.log().find(id, Direction.REQUEST)).as(id).isEmpty();
                }
            }
            // The store checks itself at start (LogIntegrity): nothing is missing or torn.
            try (MessageLogService service = new MessageLogService(config, LogFixture.SERVER, parts,
                    Clock.systemUTC()).start()) {
                assertThat(service.log().size()).isEqualTo(logged.size());
                logSome(service, messages, "restarted", logged);
            }
        }
    }

    /** Logs a short (inline) and a long (file) body, and remembers their ids. */
    private static void logSome(MessageLogService service, LogFixture messages, String prefix, List<String> logged) {
        for (int i = 0; i < 2; i++) {
            String id = prefix + "-" + i;
            LogFixture.log(service.log(), messages.message(id, Direction.REQUEST, i == 0 ? 200 : 64 * 1024));
            logged.add(id);
        }
    }

    /** Tries to log a short and a long body on a full disk; returns the fault codes. */
    private static List<String> failSome(MessageLogService service, LogFixture messages, String prefix) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                LogFixture.log(service.log(), messages.message(prefix + "-" + i, Direction.REQUEST,
                        i == 0 ? 200 : 64 * 1024));
                codes.add("logged");
            } catch (ZholException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.LOGGING_FAILED);
                codes.add(e.faultCode().toString());
            }
        }
        return codes;
    }

    /** Every record logged is whole, its leaf is in the tree, and the two checkpoints are consistent. */
    private static void checkWhole(MessageLogService service, OwnerKey owner, LogCheckpoint before,
            LogCheckpoint after, List<String> logged) {
        assertThat(after.treeSize()).isEqualTo(logged.size());
        CheckpointVerifier verifier = owner.verifier();
        CheckpointVerifier.verifyConsistency(verifier.verify(before.signed()).checkpoint(),
                verifier.verify(after.signed()).checkpoint(),
                MerkleProofs.consistencyProof(service.log().tree(), before.treeSize(), after.treeSize()));
        List<byte[]> leaves = new ArrayList<>();
        for (long leaf = 0; leaf < logged.size(); leaf++) {
            StoredRecord stored = service.log().record(leaf).orElseThrow();
            assertThat(stored.opening().messageId()).isEqualTo(logged.get((int) leaf));
            assertThat(stored.entry().leafHash()).isEqualTo(stored.logged().leafHash());
            byte[] body = LogFixture.read(service.log().body(stored));
            assertThat(org.zhol.protocol.log.EntryDigest.sha256(body)).isEqualTo(stored.body().sha256());
            leaves.add(stored.logged().leafHash());
        }
        assertThat(MerkleTree.rootOf(leaves)).isEqualTo(after.checkpoint().rootHash());
    }

    /** Writes a filler file until the file system has no space left. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    private static void mount(Path at, String size) throws Exception {
        command("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
    }

    private static void remount(Path at, String size) throws Exception {
        command("mount", "-o", "remount,size=" + size, at.toString());
    }

    private static void unmount(Path at) throws Exception {
        command("umount", at.toString());
    }

    private static void command(String... args) throws Exception {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", args) + " failed (this test mounts a small tmpfs and needs"
                    + " root, as on the test machine and in CI; it is not skipped): " + output.strip());
        }
    }
}
