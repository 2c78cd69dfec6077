// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.securityserver.globalconf.ConfFixture.CONF;
import static org.zhol.securityserver.globalconf.ConfFixture.EXPIRY;
import static org.zhol.securityserver.globalconf.ConfFixture.T0;
import static org.zhol.securityserver.globalconf.ConfFixture.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.testing.MutableClock;

/** The configuration client against a central server on a loopback port, with files in a temporary directory. */
class ConfigurationClientTest {

    private static final ConfigurationSigningKey KEY = ConfFixture.signingKey("Config signer 1");
    private static final ConfigurationSigningKey NEXT_KEY = ConfFixture.signingKey("Config signer 2");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0.plusSeconds(10));
    private final CentralServerStub central = new CentralServerStub();
    private final RecordingDownloader downloader = new RecordingDownloader();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ConfigurationClientConfig config;

    @BeforeEach
    void setUp() throws IOException {
        central.start();
        config = ConfigurationClientConfig.defaults(ConfFixture.INSTANCE, dir);
        Files.write(dir.resolve(AnchorStore.FILE), ConfFixture.anchorBytes(central.url(), KEY.certificate()));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        central.close();
        downloader.close();
    }

    private ConfigurationClient client(ConfigurationDownloader seam) {
        ConfigurationClient client = new ConfigurationClient(config, new AnchorStore(dir), seam, clock);
        closeables.add(client);
        return client;
    }

    @Test
    void downloadsVerifiesAndKeepsTheConfigurationOnDisk() throws IOException {
        GlobalConfFiles first = generation(KEY, 1, T0);
        central.publish(1, first);
        ConfigurationClient client = client(downloader);

        ConfigurationStatus status = client.refreshNow();

        assertThat(status.valid()).isTrue();
        assertThat(status.generation()).isEqualTo(1);
        assertThat(status.lastSuccess()).contains(clock.instant());
        assertThat(status.lastError()).isEmpty();
        assertThat(client.require()).isEqualTo(CONF);
        assertThat(client.expiresAt()).contains(T0.plus(EXPIRY));
        assertThat(downloader.paths()).startsWith("/v1/DEV/latest", "/v1/DEV/1/directory.json",
                "/v1/DEV/1/directory.json.p7s").contains("/v1/DEV/1/shared-params.json", "/v1/DEV/1/trust-params.json")
                .hasSize(5);
        assertThat(Files.readString(dir.resolve("current"))).isEqualTo("1\n");
        Path stored = dir.resolve("generations/1");
        assertThat(Files.readAllBytes(stored.resolve("directory.json"))).isEqualTo(first.directory());
        assertThat(Files.readAllBytes(stored.resolve("directory.json.p7s"))).isEqualTo(first.signature());
        assertThat(Files.readAllBytes(stored.resolve("parts/shared-params.json")))
                .isEqualTo(first.parts().get(GlobalConfLayout.SHARED_PARAMS));
        assertThat(stored.resolve("trust.json")).exists();

        downloader.clear();
        assertThat(client.refreshNow().generation()).isEqualTo(1);
        assertThat(downloader.paths()).as("an unchanged generation is not downloaded again")
                .containsExactly("/v1/DEV/latest");
    }

    @Test
    void afterARestartTheCachedCopyComesBackWithoutANetworkCall() {
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient first = client(downloader);
        first.refreshNow();
        first.close();
        central.close();

        RecordingDownloader seam = new RecordingDownloader();
        closeables.add(seam);
        ConfigurationClient restarted = client(seam);
        restarted.start();

        assertThat(restarted.require()).isEqualTo(CONF);
        assertThat(restarted.status().generation()).isEqualTo(1);
        assertThat(restarted.expiresAt()).contains(T0.plus(EXPIRY));
        restarted.close();
        assertThat(seam.paths()).as("no network call at start").isEmpty();
    }

    @Test
    void whileTheCentralServerIsDownTheCopyIsUsedUntilItExpiresThenItRecoversByItself() {
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient client = client(downloader);
        client.refreshNow();
        central.close();

        clock.set(T0.plus(EXPIRY).minusSeconds(1));
        ConfigurationStatus down = client.refreshNow();
        assertThat(down.lastError()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("NetworkError"));
        assertThat(down.valid()).isTrue();
        assertThat(client.require()).isEqualTo(CONF);

        clock.set(T0.plus(EXPIRY));
        assertThat(client.refreshNow().valid()).isFalse();
        assertThatThrownBy(client::require).isInstanceOfSatisfying(ZholException.class, e -> {
            assertThat(e.faultCode()).hasToString("OutdatedGlobalConf");
            assertThat(e.origin()).isEqualTo(Origin.THIS_SERVER);
            assertThat(e.detail()).contains("generation 1").contains("expired");
        });

        central.publish(2, generation(KEY, 2, T0.plus(EXPIRY)));
        central.start();
        ConfigurationStatus recovered = client.refreshNow();
        assertThat(recovered.valid()).isTrue();
        assertThat(recovered.generation()).isEqualTo(2);
        assertThat(recovered.lastError()).isEmpty();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(client.require()).isEqualTo(CONF);
    }

    @Test
    void backOffGrowsWithEachFailureAndResetsAfterASuccess() {
        central.close();
        ConfigurationClient client = client(downloader);

        for (int failures = 1; failures <= 8; failures++) {
            ConfigurationStatus status = client.refreshNow();
            assertThat(status.consecutiveFailures()).isEqualTo(failures);
            long base = Math.min(1000L << (failures - 1), 60_000);
            assertThat(client.nextDelay().toMillis()).as("after %d failures", failures).isBetween(base / 2, base);
        }

        central.publish(1, generation(KEY, 1, T0));
        central.start();
        assertThat(client.refreshNow().consecutiveFailures()).isZero();
        assertThat(client.nextDelay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anOlderGenerationIsRefusedAsRollbackAlsoAfterARestart() {
        central.publish(5, generation(KEY, 5, T0));
        ConfigurationClient client = client(downloader);
        client.refreshNow();
        central.publish(3, generation(KEY, 3, T0.plusSeconds(60)));

        assertRollbackRefused(client.refreshNow());
        assertThat(client.status().generation()).isEqualTo(5);
        client.close();

        ConfigurationClient restarted = client(downloader);
        restarted.start();
        assertRollbackRefused(restarted.refreshNow());
        assertThat(restarted.status().generation()).isEqualTo(5);
    }

    private static void assertRollbackRefused(ConfigurationStatus status) {
        assertThat(status.lastError()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(ConfigurationClient.ROLLBACK.toString())
                    .isEqualTo("MalformedGlobalConf.InvalidResponse");
            assertThat(f.detail()).contains("Rollback refused").contains("generation 3").contains("generation 5");
        });
    }

    @Test
    void aTamperedDirectoryIsRefusedBeforeItsPartsAreFetchedAndTheLastGoodCopyIsKept() throws IOException {
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient client = client(downloader);
        client.refreshNow();
        GlobalConfFiles second = generation(KEY, 2, T0.plusSeconds(60));
        central.publish(2, second);
        central.put(2, GlobalConfLayout.DIRECTORY_FILE, ConfFixture.flipped(second.directory(), 40));
        downloader.clear();

        ConfigurationStatus status = client.refreshNow();

        assertThat(status.lastError()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("InvalidSignatureValue"));
        assertThat(downloader.paths()).noneMatch(p -> p.endsWith("params.json"));
        assertThat(status.generation()).isEqualTo(1);
        assertThat(client.require()).isEqualTo(CONF);
        assertThat(Files.readString(dir.resolve("current"))).isEqualTo("1\n");
        assertThat(dir.resolve("generations/2")).doesNotExist();
    }

    @Test
    void aTamperedPartIsRefusedAndTheLastGoodCopyIsKept() throws IOException {
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient client = client(downloader);
        client.refreshNow();
        GlobalConfFiles second = generation(KEY, 2, T0.plusSeconds(60));
        central.publish(2, second);
        central.put(2, GlobalConfLayout.SHARED_PARAMS,
                ConfFixture.flipped(second.parts().get(GlobalConfLayout.SHARED_PARAMS), 30));

        ConfigurationStatus status = client.refreshNow();

        assertThat(status.lastError()).hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("InvalidReference"));
        assertThat(status.generation()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("current"))).isEqualTo("1\n");
        assertThat(dir.resolve("generations/2")).doesNotExist();
    }

    @Test
    void followsAKeyRotationAndTheNewTrustSurvivesARestart() throws IOException {
        var url = central.url();
        central.publish(1, generation(KEY, 1, T0, url, KEY));
        ConfigurationClient client = client(downloader);
        assertThat(client.refreshNow().generation()).isEqualTo(1);
        central.publish(2, generation(KEY, 2, T0.plusSeconds(60), url, KEY, NEXT_KEY));
        assertThat(client.refreshNow().generation()).isEqualTo(2);
        central.publish(3, generation(NEXT_KEY, 3, T0.plusSeconds(120), url, NEXT_KEY, KEY));
        assertThat(client.refreshNow().generation()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("generations/3/trust.json"))).contains("\"generation\" : 3");
        client.close();
        central.close();

        RecordingDownloader seam = new RecordingDownloader();
        closeables.add(seam);
        ConfigurationClient restarted = client(seam);
        restarted.start();
        assertThat(restarted.status().generation()).isEqualTo(3);
        assertThat(restarted.require()).isEqualTo(CONF);
        assertThat(seam.paths()).isEmpty();

        central.start();
        central.publish(4, generation(NEXT_KEY, 4, T0.plusSeconds(180), url, NEXT_KEY));
        clock.set(T0.plusSeconds(200));
        ConfigurationStatus rotated = restarted.refreshNow();
        assertThat(rotated.lastError()).isEmpty();
        assertThat(rotated.generation()).isEqualTo(4);

        central.publish(5, generation(KEY, 5, T0.plusSeconds(240), url, KEY));
        assertThat(restarted.refreshNow().lastError()).as("the retired key is no longer trusted")
                .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("IncorrectCertificate"));
        assertThat(restarted.status().generation()).isEqualTo(4);
    }

    @Test
    void aNewlyInstalledAnchorReplacesTheTrustAlsoAfterARestart() throws IOException {
        central.publish(1, generation(KEY, 1, T0, central.url(), KEY));
        ConfigurationClient client = client(downloader);
        client.refreshNow();
        Files.write(dir.resolve(AnchorStore.FILE), ConfFixture.anchorBytes(central.url(), NEXT_KEY.certificate()));
        central.publish(2, generation(KEY, 2, T0.plusSeconds(60), central.url(), KEY));

        assertThat(client.refreshNow().lastError()).as("the new anchor does not trust the old key")
                .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("IncorrectCertificate"));
        assertThat(client.require()).as("the last good copy stays in use").isEqualTo(CONF);
        client.close();

        ConfigurationClient restarted = client(downloader);
        restarted.start();
        assertThat(restarted.refreshNow().lastError())
                .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("IncorrectCertificate"));
        central.publish(3, generation(NEXT_KEY, 3, T0.plusSeconds(120), central.url(), NEXT_KEY));
        assertThat(restarted.refreshNow().generation()).isEqualTo(3);
    }

    @Test
    void withoutAnAnchorThereIsNoConfiguration() throws IOException {
        Files.delete(dir.resolve(AnchorStore.FILE));
        ConfigurationClient client = client(downloader);

        ConfigurationStatus status = client.refreshNow();

        assertThat(status.valid()).isFalse();
        assertThat(status.generation()).isZero();
        assertThat(status.lastError()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo("OutdatedGlobalConf");
            assertThat(f.detail()).contains("No configuration anchor");
        });
        assertThatThrownBy(client::require).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode()).hasToString("OutdatedGlobalConf"));
        assertThat(downloader.paths()).isEmpty();
    }

    @Test
    void aDamagedCacheIsIgnoredAndReplacedByADownload() throws IOException {
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient first = client(downloader);
        first.refreshNow();
        first.close();
        Path part = dir.resolve("generations/1/parts/shared-params.json");
        Files.write(part, ConfFixture.flipped(Files.readAllBytes(part), 10));
        central.publish(2, generation(KEY, 2, T0.plusSeconds(60)));

        ConfigurationClient restarted = client(downloader);
        restarted.start();

        awaitTrue(() -> restarted.status().generation() == 2);
        assertThat(restarted.require()).isEqualTo(CONF);
    }

    @Test
    void theScheduleDownloadsEveryRefreshInterval() {
        config = config.withRefreshInterval(Duration.ofMillis(200));
        central.publish(1, generation(KEY, 1, T0));
        ConfigurationClient client = client(downloader);
        client.start();
        awaitTrue(() -> client.status().generation() == 1);

        central.publish(2, generation(KEY, 2, T0.plusSeconds(60)));
        awaitTrue(() -> client.status().generation() == 2);
        client.close();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
