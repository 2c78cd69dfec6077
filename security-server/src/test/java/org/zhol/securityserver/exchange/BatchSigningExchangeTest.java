// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TrailerCodec;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.config.BatchSigning;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;

/**
 * Batch signing over the exchange logic ({@link MemoryPeers}): both servers sign in batches; concurrent
 * exchanges share CMS signatures (counted at the signer), and every one of them verifies on the other side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchSigningExchangeTest {

    static final int EXCHANGES = 8;
    static final ServiceId ECHO = ExchangeWorld.PROVIDER.service("echo");
    static final String PREFIX = "/r1/DEV/COM/2002/PROVIDER/";

    ExchangeWorld world;
    ProviderIs provider;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        // A batch closes when it holds every concurrent exchange, or after a wait long enough for all of
        // them to arrive even on a busy machine: the count below does not depend on timing.
        world = new ExchangeWorld(dir, ExchangeConfig.DEFAULTS.withMaxBodyBytes(4 << 20).withPeerTimeoutSeconds(20),
                BatchSigning.on(Duration.ofSeconds(3), EXCHANGES));
        provider = new ProviderIs();
        world.ss1.registry.addClient(ExchangeWorld.CONSUMER);
        world.ss2.registry.addClient(ExchangeWorld.PROVIDER);
        world.ss2.registry.addService(new LocalService(ECHO, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(10), true));
        world.ss2.registry.grant(AccessRight.wholeService(ECHO, ExchangeWorld.CONSUMER));
    }

    @AfterAll
    void tearDown() {
        provider.close();
        world.close();
    }

    @Test
    void concurrentExchangesShareSignaturesAndAllVerify() throws Exception {
        ConcurrentLinkedQueue<MessageSignature> requestSignatures = new ConcurrentLinkedQueue<>();
        world.ss1.peers.tamper(frame -> {
            if (frame.type() == FrameType.TRAILER) {
                requestSignatures.add(TrailerCodec.decode(frame.payload(), TransportLimits.DEFAULT).signature());
            }
            return frame;
        });
        int requestsBefore = world.ss1.signer.signatures();
        int responsesBefore = world.ss2.signer.signatures();
        int completedBefore = provider.completed();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CapturingResponder>> calls = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < EXCHANGES; i++) {
                byte[] body = new byte[1000 + i];
                new Random(i).nextBytes(body);
                bodies.add(body);
                String id = "batch-" + i;
                calls.add(threads.submit(() -> {
                    start.await();
                    CapturingResponder responder = new CapturingResponder();
                    world.ss1.clientProxy.handle(new ClientRequest("POST", PREFIX + "echo/items/" + id,
                            List.of(new HttpHeader("X-Road-Client", "DEV/GOV/1001/CONSUMER"),
                                    new HttpHeader("X-Road-Id", id),
                                    new HttpHeader("Content-Type", "application/octet-stream")),
                            new InetSocketAddress("127.0.0.1", 40000), false, List.of(),
                            new ByteArrayInputStream(body)), responder);
                    return responder;
                }));
            }
            start.countDown();
            for (int i = 0; i < EXCHANGES; i++) {
                CapturingResponder r = calls.get(i).get();
                assertThat(r.status).as(r.body.toString(StandardCharsets.UTF_8)).isEqualTo(200);
                assertThat(r.closed).isTrue();
                assertThat(r.body.toByteArray()).isEqualTo(bodies.get(i));
                assertThat(r.header("X-Road-Id")).isEqualTo("batch-" + i);
                assertThat(r.header("X-Road-Request-Hash")).isNotBlank();
            }
        }
        assertThat(provider.completed() - completedBefore).isEqualTo(EXCHANGES);
        assertThat(requestSignatures).hasSize(EXCHANGES).allMatch(s -> s instanceof MessageSignature.Batch);
        int requestCms = world.ss1.signer.signatures() - requestsBefore;
        int responseCms = world.ss2.signer.signatures() - responsesBefore;
        assertThat(requestCms).isPositive().isLessThan(EXCHANGES);
        assertThat(responseCms).isPositive().isLessThan(EXCHANGES);
        // Distinct CMS on the wire: as many as the signer made.
        assertThat(requestSignatures.stream().map(s -> HexFormat.of().formatHex(s.cms())).distinct().count())
                .isEqualTo(requestCms);
    }
}
