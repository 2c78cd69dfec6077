// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CryptoProvider;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.messagelog.LoggedRecord;
import org.zhol.securityserver.messagelog.MessageLog;
import org.zhol.securityserver.messagelog.MessageLogConfig;
import org.zhol.securityserver.messagelog.OpenRecord;
import org.zhol.securityserver.messagelog.RecordOpening;
import org.zhol.securityserver.messagelog.RecordTrailer;
import org.zhol.securityserver.messagelog.Side;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;

/**
 * The message log's write path on an H2 file database: durable commits per second from one thread and
 * from 16 (the group commit shares one transaction among whatever waits), and the Merkle frontier's
 * append alone. Each record has a 1 KiB body (stored inline), a real manifest and a real signature; the
 * signing is done once, at setup. At the end of a trial the records per transaction are printed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MessageLogBenchmark {

    private static final SecurityServerId SERVER = SecurityServerId.parse("DEV/GOV/1234/SS1");
    private static final ClientId CLIENT = ClientId.parse("DEV/GOV/1234/CLIENT");
    private static final ServiceId SERVICE = ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom/v1");

    /** A message ready to log. */
    record Message(RecordOpening opening, byte[] body, RecordTrailer trailer) {
    }

    private final AtomicInteger next = new AtomicInteger();
    private Path directory;
    private Database db;
    private SqlLogRecordRepository records;
    private MessageLog log;
    private List<Message> messages;
    private MerkleFrontier frontier;
    private byte[] leaf;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CadesSigner signer = new CadesSigner(BenchSigner.credentials(BenchSigner.keyPair(BenchSigner.KeyType.EC_P256),
                CryptoProvider.forSigning()));
        messages = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            messages.add(message("bench-" + i, signer));
        }
        directory = Files.createTempDirectory("zhol-messagelog-bench");
        db = Database.open(DatabaseConfig.h2File(directory, "bench"), SecurityServer.MIGRATIONS);
        records = new SqlLogRecordRepository(db);
        log = new MessageLog(MessageLogConfig.defaults(directory), SERVER, records, Clock.systemUTC()).start();
        leaf = MerkleTree.leafHash("bench".getBytes(StandardCharsets.UTF_8));
    }

    @Setup(Level.Iteration)
    public void newFrontier() {
        frontier = MerkleFrontier.EMPTY;
    }

    /** One thread: every commit waits for its own transaction. */
    @Benchmark
    @Threads(1)
    public LoggedRecord commitOneThread() {
        return commit();
    }

    /** Sixteen threads: commits share transactions. */
    @Benchmark
    @Threads(16)
    public LoggedRecord commitSixteenThreads() {
        return commit();
    }

    /** Appending one leaf to the Merkle frontier (the writer's in-memory work per record). */
    @Benchmark
    @Threads(1)
    public MerkleFrontier merkleAppend() {
        frontier = frontier.append(leaf).frontier();
        return frontier;
    }

    LoggedRecord commit() {
        Message message = messages.get(Math.floorMod(next.getAndIncrement(), messages.size()));
        try (OpenRecord record = log.open(message.opening())) {
            record.body(message.body(), 0, message.body().length);
            return record.commitAndWait(message.trailer());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        if (records.appendTransactions() > 0) {
            System.out.printf("%nmessage log: %d records in %d transactions (%.1f per transaction)%n", log.size(),
                    records.appendTransactions(), (double) log.size() / records.appendTransactions());
        }
        db.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Message message(String id, CadesSigner signer) {
        byte[] body = new byte[1024];
        new Random(id.hashCode()).nextBytes(body);
        byte[] metadata = new MessageMetadata(id, CLIENT, SERVICE, Instant.now(), Optional.empty()).encode();
        byte[] head = "{\"headers\":[],\"method\":\"GET\",\"path\":\"/x\",\"protocol\":\"REST\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ManifestCodec.encode(Manifest.of(List.of(
                DataObject.of(MessageMetadata.URI, MessageMetadata.MIME_TYPE, metadata),
                DataObject.of("head.json", "application/json", head),
                DataObject.of("body", "application/octet-stream", body))));
        byte[] cms = signer.sign(manifest, Instant.now(), List.of());
        return new Message(new RecordOpening(Direction.REQUEST, Side.CLIENT_PROXY, id, CLIENT, SERVICE, metadata, head),
                body, new RecordTrailer(manifest, new MessageSignature.Single(cms), Optional.empty()));
    }
}
