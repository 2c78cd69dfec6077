// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.config.BatchSigning;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.messagelog.BodyInfo;
import org.zhol.securityserver.messagelog.BodyLogging;
import org.zhol.securityserver.messagelog.LogMode;
import org.zhol.securityserver.messagelog.MessageLogConfig;
import org.zhol.securityserver.messagelog.MessageLogService;
import org.zhol.securityserver.messagelog.Side;
import org.zhol.securityserver.messagelog.StoredRecord;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.store.Database;

/**
 * The message log as the exchange uses it, through {@link org.zhol.securityserver.messagelog.ExchangeLogAdapter}
 * on each server's real H2 file database: both proxies log both messages with their bodies (or only the
 * digest, for a subsystem in metadata mode) and the peer's verified checkpoint; a commit the store refuses
 * fails the exchange with {@code LoggingFailed} and nothing unlogged is passed on; records left unstamped
 * past the acceptable failure period refuse new exchanges with {@code TimestamperFailed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeLoggingTest {

    static final ServiceId ECHO = ExchangeWorld.PROVIDER.service("echo");
    static final String URI = "/r1/DEV/COM/2002/PROVIDER/echo/items";

    Path dir;
    ExchangeWorld world;
    ProviderIs provider;

    @BeforeAll
    void setUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        provider = new ProviderIs();
        // The provider subsystem logs metadata only on SS2; SS1's consumer keeps bodies (the default).
        world = world(dir.resolve("main"), (id, config) -> config.withBodyLogging(new BodyLogging(LogMode.FULL,
                Map.of(ExchangeWorld.PROVIDER, LogMode.METADATA_ONLY))));
    }

    ExchangeWorld world(Path where,
            java.util.function.BiFunction<SecurityServerId, MessageLogConfig, MessageLogConfig> logConfig) {
        ExchangeWorld made = new ExchangeWorld(where, ExchangeConfig.DEFAULTS.withPeerTimeoutSeconds(20),
                BatchSigning.OFF, logConfig);
        made.ss1.registry.addClient(ExchangeWorld.CONSUMER);
        made.ss2.registry.addClient(ExchangeWorld.PROVIDER);
        made.ss2.registry.addService(new LocalService(ECHO, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(5), true));
        made.ss2.registry.grant(AccessRight.wholeService(ECHO, ExchangeWorld.CONSUMER));
        return made;
    }

    @AfterAll
    void tearDown() {
        world.close();
        provider.close();
    }

    static CapturingResponder call(ExchangeWorld on, String method, String id, byte[] body) {
        CapturingResponder responder = new CapturingResponder();
        List<HttpHeader> headers = new ArrayList<>(List.of(new HttpHeader("X-Road-Client", "DEV/GOV/1001/CONSUMER"),
                new HttpHeader("X-Road-Id", id), new HttpHeader("Content-Type", "application/octet-stream")));
        on.ss1.clientProxy.handle(new ClientRequest(method, URI, headers, new InetSocketAddress("127.0.0.1", 40000),
                false, List.of(), new ByteArrayInputStream(body)), responder);
        return responder;
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static StoredRecord only(MessageLogService log, String id, Direction direction) {
        List<StoredRecord> found = log.log().find(id, direction);
        assertThat(found).as(id + " " + direction).hasSize(1);
        return found.getFirst();
    }

    @Test
    void bothProxiesLogBothMessagesWithTheBodyTheirSubsystemAsksFor() throws Exception {
        byte[] body = random(200_000, 1); // over the inline limit: the record spools it to a file
        CapturingResponder r = call(world, "POST", "log-full", body);
        assertThat(r.status).as(r.body.toString()).isEqualTo(200);
        assertThat(r.body.toByteArray()).isEqualTo(body);

        for (Direction direction : List.of(Direction.REQUEST, Direction.RESPONSE)) {
            StoredRecord consumer = only(world.ss1.log, "log-full", direction);
            assertThat(consumer.opening().side()).isEqualTo(Side.CLIENT_PROXY);
            assertThat(consumer.opening().client()).isEqualTo(ExchangeWorld.CONSUMER);
            assertThat(consumer.opening().service()).isEqualTo(ECHO);
            assertThat(consumer.body().mode()).isEqualTo(LogMode.FULL);
            assertThat(consumer.body().storage()).isEqualTo(BodyInfo.Storage.FILE);
            try (InputStream kept = world.ss1.log.log().body(consumer).orElseThrow()) {
                assertThat(kept.readAllBytes()).isEqualTo(body);
            }

            StoredRecord provided = only(world.ss2.log, "log-full", direction);
            assertThat(provided.opening().side()).isEqualTo(Side.SERVER_PROXY);
            assertThat(provided.body().mode()).isEqualTo(LogMode.METADATA_ONLY);
            assertThat(provided.body().storage()).isEqualTo(BodyInfo.Storage.NONE);
            assertThat(provided.body().length()).isEqualTo(body.length);
            assertThat(provided.body().sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(body));
            assertThat(world.ss2.log.log().body(provided)).isEmpty();
        }
    }

    @Test
    void everyMessageCarriesItsSendersCheckpointAndThePeerLogsIt() {
        assertThat(call(world, "POST", "log-first", random(10, 2)).status).isEqualTo(200);
        long consumerSize = world.ss1.log.checkpointer().checkpointNow().orElseThrow().treeSize();
        long providerSize = world.ss2.log.checkpointer().checkpointNow().orElseThrow().treeSize();

        CapturingResponder r = call(world, "POST", "log-witnessed", random(10, 3));
        assertThat(r.status).as(r.body.toString()).isEqualTo(200);

        // The provider's server logged the consumer server's checkpoint with the request ...
        Checkpoint seenByProvider = Checkpoint.decode(only(world.ss2.log, "log-witnessed", Direction.REQUEST)
                .trailer().peerCheckpoint().orElseThrow().checkpoint());
        assertThat(seenByProvider.logId()).isEqualTo(ExchangeWorld.SS1);
        assertThat(seenByProvider.treeSize()).isGreaterThanOrEqualTo(consumerSize);
        // ... and the consumer's server the provider server's with the response.
        Checkpoint seenByConsumer = Checkpoint.decode(only(world.ss1.log, "log-witnessed", Direction.RESPONSE)
                .trailer().peerCheckpoint().orElseThrow().checkpoint());
        assertThat(seenByConsumer.logId()).isEqualTo(ExchangeWorld.SS2);
        assertThat(seenByConsumer.treeSize()).isGreaterThanOrEqualTo(providerSize);
        // A server never logs its own checkpoint with the messages it sends.
        assertThat(only(world.ss1.log, "log-witnessed", Direction.REQUEST).trailer().peerCheckpoint()).isEmpty();
        assertThat(only(world.ss2.log, "log-witnessed", Direction.RESPONSE).trailer().peerCheckpoint()).isEmpty();
    }

    @Test
    void aCheckpointThatDoesNotVerifyFailsTheExchange() {
        assertThat(call(world, "POST", "log-before-forgery", random(10, 4)).status).isEqualTo(200);
        world.ss1.log.checkpointer().checkpointNow();
        int before = provider.started();
        // The consumer's server claims another server's log: the provider's server refuses the request.
        world.ss1.peers.tamper(frame -> frame.type() == org.zhol.protocol.transport.FrameType.TRAILER
                ? withCheckpointOf(frame, ExchangeWorld.SS2) : frame);
        try {
            CapturingResponder r = call(world, "POST", "log-forged", random(10, 5));
            assertThat(r.status).isEqualTo(500);
            assertThat(r.header("X-Road-Error")).isEqualTo("Server.ServerProxy.InvalidMessage");
            assertThat(provider.started()).isEqualTo(before);
            assertThat(world.ss2.log.log().find("log-forged", Direction.REQUEST)).isEmpty();
        } finally {
            world.ss1.peers.tamper(java.util.function.UnaryOperator.identity());
        }
    }

    /** The TRAILER with SS2's latest checkpoint in place of the sender's. */
    private org.zhol.protocol.transport.Frame withCheckpointOf(org.zhol.protocol.transport.Frame frame,
            SecurityServerId other) {
        var trailer = org.zhol.protocol.transport.TrailerCodec.decode(frame.payload(),
                org.zhol.protocol.transport.TransportLimits.DEFAULT);
        byte[] foreign = world.ss2.log.checkpointer().checkpointNow().orElseThrow().signed().encode();
        assertThat(Checkpoint.decode(world.ss2.log.latestCheckpoint().orElseThrow().signed().checkpoint()).logId())
                .isEqualTo(other);
        return new org.zhol.protocol.transport.Frame(frame.type(), org.zhol.protocol.transport.TrailerCodec.encode(
                new org.zhol.protocol.transport.Trailer(trailer.manifest(), trailer.signature(), Optional.of(foreign))));
    }

    @Test
    void aStoreThatFailsOnTheServerProxyKeepsTheRequestFromTheProvider() throws Exception {
        int started = provider.started();
        int completed = provider.completed();
        try (AutoCloseable refusing = refuseRecords(world.ss2.db, "TRUE")) {
            // A small request is verified and logged before the provider is called at all ...
            CapturingResponder small = call(world, "POST", "log-refused-small", random(100, 6));
            assertThat(small.status).isEqualTo(500);
            assertThat(small.header("X-Road-Error")).isEqualTo("Server.ServerProxy.LoggingFailed");
            assertThat(provider.started()).isEqualTo(started);
            // ... a large one streams to it, but its end is withheld until the record is durable.
            CapturingResponder large = call(world, "POST", "log-refused-large", random(300_000, 7));
            assertThat(large.status).isEqualTo(500);
            assertThat(large.header("X-Road-Error")).isEqualTo("Server.ServerProxy.LoggingFailed");
            assertThat(provider.completed()).isEqualTo(completed);
        }
        assertThat(world.ss2.log.log().find("log-refused-small", Direction.REQUEST)).isEmpty();
        assertThat(call(world, "POST", "log-store-back", random(100, 8)).status).isEqualTo(200);
        assertThat(provider.completed()).isEqualTo(completed + 1);
    }

    @Test
    void aStoreThatFailsOnTheClientProxySendsNothingUnlogged() throws Exception {
        int started = provider.started();
        try (AutoCloseable refusing = refuseRecords(world.ss1.db, "TRUE")) {
            CapturingResponder r = call(world, "POST", "log-unsent", random(100, 9));
            assertThat(r.status).isEqualTo(500);
            assertThat(r.header("X-Road-Error")).isEqualTo("Server.ClientProxy.LoggingFailed");
        }
        assertThat(provider.started()).isEqualTo(started);
        assertThat(world.ss2.log.log().find("log-unsent", Direction.REQUEST)).isEmpty();
    }

    @Test
    void aResponseThatCannotBeLoggedIsNotReleased() throws Exception {
        try (AutoCloseable refusing = refuseRecords(world.ss1.db, "direction = 'RESPONSE'")) {
            // Nothing of an empty response reached the client yet: it gets the fault.
            CapturingResponder empty = call(world, "GET", "log-empty-response", new byte[0]);
            assertThat(empty.status).isEqualTo(500);
            assertThat(empty.header("X-Road-Error")).isEqualTo("Server.ClientProxy.LoggingFailed");
            // A long response was under way: its last piece is withheld and the answer left unfinished.
            byte[] body = random(300_000, 10);
            CapturingResponder cut = call(world, "POST", "log-cut-response", body);
            assertThat(cut.aborted()).isTrue();
            assertThat(cut.body.size()).isLessThan(body.length);
        }
        assertThat(world.ss1.log.log().find("log-cut-response", Direction.RESPONSE)).isEmpty();
        assertThat(world.ss1.log.log().find("log-cut-response", Direction.REQUEST)).hasSize(1);
    }

    @Test
    void recordsLeftUnstampedTooLongRefuseNewExchangesOnEitherSide() throws Exception {
        // No TSA is approved here, so nothing is ever stamped.
        Duration brief = Duration.ofSeconds(1);
        try (ExchangeWorld strictProvider = world(dir.resolve("strict-provider"), (id, config) ->
                id.equals(ExchangeWorld.SS2) ? config.withStamping(stamping(brief)) : config)) {
            assertThat(call(strictProvider, "POST", "stamp-1", random(10, 11)).status).isEqualTo(200);
            awaitRefusal(strictProvider.ss2.log);
            CapturingResponder refused = call(strictProvider, "POST", "stamp-2", random(10, 12));
            assertThat(refused.status).isEqualTo(500);
            assertThat(refused.header("X-Road-Error")).isEqualTo("Server.ServerProxy.LoggingFailed.TimestamperFailed");
        }
        try (ExchangeWorld strictConsumer = world(dir.resolve("strict-consumer"), (id, config) ->
                id.equals(ExchangeWorld.SS1) ? config.withStamping(stamping(brief)) : config)) {
            assertThat(call(strictConsumer, "POST", "stamp-3", random(10, 13)).status).isEqualTo(200);
            awaitRefusal(strictConsumer.ss1.log);
            int started = provider.started();
            CapturingResponder refused = call(strictConsumer, "POST", "stamp-4", random(10, 14));
            assertThat(refused.status).isEqualTo(500);
            assertThat(refused.header("X-Road-Error")).isEqualTo("Server.ClientProxy.LoggingFailed.TimestamperFailed");
            assertThat(provider.started()).isEqualTo(started);
        }
    }

    private static MessageLogConfig.Stamping stamping(Duration acceptableFailurePeriod) {
        MessageLogConfig.Stamping defaults = MessageLogConfig.Stamping.DEFAULTS;
        return new MessageLogConfig.Stamping(acceptableFailurePeriod, defaults.retryDelay(), defaults.tsp(),
                defaults.maxBatch(), defaults.renewBefore());
    }

    /** Waits until the oldest unstamped record is older than the failure period (a condition, not a timing). */
    private static void awaitRefusal(MessageLogService log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                log.timestamping().check(Side.CLIENT_PROXY);
            } catch (org.zhol.protocol.error.ZholException refused) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the log never refused");
    }

    /**
     * Makes the store refuse new records for which {@code condition} holds (a real constraint violation in
     * the database, as a full disk or a lost connection would fail the commit), until closed.
     */
    private static AutoCloseable refuseRecords(Database db, String condition) throws Exception {
        execute(db, "ALTER TABLE ml_record ADD CONSTRAINT test_refuse CHECK (NOT (" + condition
                + ") OR leaf_index < " + size(db) + ")");
        return () -> execute(db, "ALTER TABLE ml_record DROP CONSTRAINT test_refuse");
    }

    private static long size(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ml_record")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
