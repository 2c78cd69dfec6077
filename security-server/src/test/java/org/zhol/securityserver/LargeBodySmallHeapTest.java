// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.exchange.ProviderIs;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;

/**
 * Issue #6's large body in the normal suite: a body larger than the whole heap streams through both
 * security servers to the provider, and another as large comes back, while this JVM, which holds both servers,
 * the provider, the client, the CA and the central server stub, runs with {@code -Xmx256m}. It runs in
 * its own surefire execution ({@code small-heap}, see the module's pom) and refuses to run under a larger
 * heap, where it would prove nothing; alone: {@code mvn -pl security-server -am test
 * -Dtest=LargeBodySmallHeapTest -DargLine=-Xmx256m -Dsurefire.failIfNoSpecifiedTests=false}. The benchmark
 * ({@code ./zhol bench}) moves 1 GiB the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeBodySmallHeapTest {

    static final long HEAP_LIMIT = 256L << 20;
    /** More than the heap: held whole anywhere, it could not fit. */
    static final long BODY = 264L << 20;
    static final MemberId GOV = MemberId.parse("DEV/GOV/1001");
    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = GOV.subsystem("CONSUMER");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final ServiceId ECHO = PROVIDER.service("echo");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Federation federation;
    ProviderIs provider;
    Federation.Node ss1;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test runs in the small-heap surefire execution, with -Xmx256m").isLessThanOrEqualTo(HEAP_LIMIT);
        federation = new Federation(dir);
        provider = new ProviderIs();
        ExchangeConfig exchange = ExchangeConfig.DEFAULTS.withPeerTimeoutSeconds(120);
        ss1 = federation.start(GOV, "SS1", List.of(CONSUMER), Clock.systemUTC(), exchange, Federation.REAL_LOG, c -> c);
        Federation.Node ss2 = federation.start(COM, "SS2", List.of(PROVIDER), Clock.systemUTC(), exchange,
                Federation.REAL_LOG, c -> c);
        ss2.server.registry().addService(new LocalService(ECHO, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(120), true));
        ss2.server.registry().grant(AccessRight.wholeService(ECHO, CONSUMER));
        federation.publish();
        federation.awaitHealthy();
    }

    @AfterAll
    void tearDown() {
        if (provider != null) {
            provider.close();
        }
        if (federation != null) {
            federation.close();
        }
    }

    @Test
    void aBodyLargerThanTheHeapStreamsThroughBothServersBothWays() throws Exception {
        URI echo = ss1.clientProxy("/r1/DEV/COM/2002/PROVIDER/echo/large");
        HttpRequest request = HttpRequest.newBuilder(echo).header("X-Road-Client", "DEV/GOV/1001/CONSUMER")
                .header("Content-Type", "application/octet-stream").header("X-Test-Size", Long.toString(BODY))
                .POST(BodyPublishers.ofInputStream(() -> ProviderIs.generated(BODY))).build();
        HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        String expected = SecurityServerExchangeEndToEndTest.sha256(ProviderIs.generated(BODY));
        assertThat(SecurityServerExchangeEndToEndTest.sha256(response.body())).isEqualTo(expected);
        assertThat(provider.last().length()).isEqualTo(BODY);
        assertThat(provider.last().sha256()).isEqualTo(expected);
        assertThat(response.headers().firstValue("X-Road-Request-Hash")).isPresent();
    }
}
