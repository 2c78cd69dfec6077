// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.testing.TestConfigurations;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.GlobalConfVerifier;

class ConfigurationPublisherTest {

    @TempDir
    Path data;
    private PublisherFixture fixture;
    private ConfigurationPublisher publisher;

    @BeforeEach
    void setUp() {
        fixture = new PublisherFixture(data, List.of(URI.create("http://cs.example.org:8070/")));
        fixture.keys.initialise();
        publisher = fixture.publisher(fixture.keys);
    }

    @Test
    void theFirstCheckPublishesGenerationOneSignedByTheActiveKey() throws Exception {
        GlobalConfDirectory first = publisher.publishIfNeeded().orElseThrow();

        assertThat(first.generation()).isEqualTo(1);
        assertThat(first.generatedAt()).isEqualTo(fixture.clock.instant());
        assertThat(first.expiresAt()).isEqualTo(fixture.clock.instant().plus(TestConfigurations.EXPIRY));
        assertThat(fixture.store().latest()).hasValue(1);
        GlobalConfFiles files = fixture.store().read(1).orElseThrow();
        var verified = new GlobalConfVerifier(new AnchorExport(fixture.config(), fixture.keys).anchor())
                .verifyAndDecode(files, fixture.clock.instant());
        assertThat(verified.signer()).isEqualTo(fixture.keys.signingKey().certificate());
        assertThat(verified.configuration()).isEqualTo(fixture.source.current());
        assertThat(ConfigurationAnchorCodec.decode(files.parts().get(GlobalConfLayout.ANCHOR_PART))
                .signingCertificates()).isEqualTo(fixture.keys.publishedSigners());
    }

    @Test
    void nothingIsPublishedWhileNothingChangesAndTheLastGenerationIsFresh() {
        publisher.publishIfNeeded();
        int reads = fixture.source.reads();

        fixture.clock.advance(Duration.ofSeconds(299));

        assertThat(publisher.publishIfNeeded()).isEmpty();
        assertThat(fixture.source.reads()).as("the version says nothing changed").isEqualTo(reads);
        assertThat(publisher.latest()).map(GlobalConfDirectory::generation).hasValue(1L);
    }

    @Test
    void aChangeInTheRegistryPublishesTheNextGeneration() {
        publisher.publishIfNeeded();
        fixture.clock.advance(Duration.ofSeconds(5));

        fixture.rename("Tax and Customs Board");

        assertThat(publisher.publishIfNeeded()).map(GlobalConfDirectory::generation).hasValue(2L);
        assertThat(publisher.publishIfNeeded()).isEmpty();
    }

    @Test
    void aNewVersionWithTheSameContentPublishesNothing() {
        publisher.publishIfNeeded();

        fixture.source.touch();

        assertThat(publisher.publishIfNeeded()).isEmpty();
        assertThat(publisher.latest()).map(GlobalConfDirectory::generation).hasValue(1L);
    }

    @Test
    void aGenerationPastHalfItsValidityIsReplaced() {
        Instant first = publisher.publishIfNeeded().orElseThrow().generatedAt();

        fixture.clock.advance(TestConfigurations.EXPIRY.dividedBy(2));

        GlobalConfDirectory second = publisher.publishIfNeeded().orElseThrow();
        assertThat(second.generation()).isEqualTo(2);
        assertThat(second.generatedAt()).isEqualTo(first.plus(TestConfigurations.EXPIRY.dividedBy(2)));
    }

    @Test
    void aNewFutureKeyIsPublishedAtOnceWithoutSigning() {
        publisher.publishIfNeeded();

        fixture.keys.generateFuture();

        GlobalConfDirectory second = publisher.publishIfNeeded().orElseThrow();
        assertThat(second.generation()).isEqualTo(2);
        GlobalConfFiles files = read(2);
        assertThat(ConfigurationAnchorCodec.decode(files.parts().get(GlobalConfLayout.ANCHOR_PART))
                .signingCertificates()).hasSize(2).isEqualTo(fixture.keys.publishedSigners());
    }

    @Test
    void publishNowAlwaysMakesANewGeneration() {
        publisher.publishIfNeeded();

        assertThat(publisher.publishNow().generation()).isEqualTo(2);
        assertThat(publisher.publishNow().generation()).isEqualTo(3);
    }

    @Test
    void generationsSurviveARestartAndKeepIncreasing() throws Exception {
        publisher.publishIfNeeded();
        fixture.rename("Renamed");
        publisher.publishIfNeeded();
        byte[] directory = fixture.store().file(2, GlobalConfLayout.DIRECTORY_FILE).orElseThrow();

        ConfigurationPublisher restarted = restart();

        assertThat(restarted.latest()).map(GlobalConfDirectory::generation).hasValue(2L);
        assertThat(restarted.publishIfNeeded()).as("unchanged and fresh").isEmpty();
        assertThat(fixture.store().file(2, GlobalConfLayout.DIRECTORY_FILE)).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(directory));
        fixture.rename("Renamed again");
        assertThat(restarted.publishIfNeeded()).map(GlobalConfDirectory::generation).hasValue(3L);
    }

    @Test
    void anIncompleteGenerationLeftByACrashIsSkipped() throws Exception {
        publisher.publishIfNeeded();
        Path partial = fixture.config().directory().resolve("v1/DEV/2");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve(GlobalConfLayout.SHARED_PARAMS), "{}");

        ConfigurationPublisher restarted = restart();

        assertThat(restarted.latest()).map(GlobalConfDirectory::generation).hasValue(1L);
        assertThat(restarted.publishNow().generation()).isEqualTo(3);
        assertThat(fixture.store().latest()).hasValue(3);
    }

    @Test
    void aDamagedLatestGenerationIsReplacedByAHigherOne() throws Exception {
        publisher.publishIfNeeded();
        Files.writeString(fixture.config().directory().resolve("v1/DEV/1/" + GlobalConfLayout.TRUST_PARAMS), "{}");

        ConfigurationPublisher restarted = restart();

        assertThat(restarted.latest()).isEmpty();
        assertThat(restarted.publishIfNeeded()).map(GlobalConfDirectory::generation).hasValue(2L);
    }

    @Test
    void theScheduledLoopPublishesChangesOnItsOwn() throws Exception {
        try (ConfigurationPublisher running = publisher.start()) {
            await(() -> running.latest().isPresent());
            fixture.rename("Changed while running");
            await(() -> running.latest().map(GlobalConfDirectory::generation).orElse(0L) == 2L);
        }
        assertThat(fixture.store().latest()).hasValue(2);
    }

    @Test
    void aConfigurationOfAnotherInstanceIsNotPublished() {
        fixture.source.set(fixture.configurations.configuration("EE", "Other"));

        assertThatThrownBy(publisher::publishIfNeeded).hasMessageContaining("EE");
        assertThat(publisher.latest()).isEmpty();
    }

    private ConfigurationPublisher restart() {
        var keys = fixture.newKeys();
        keys.start();
        return fixture.publisher(keys);
    }

    private GlobalConfFiles read(long generation) {
        try {
            Optional<GlobalConfFiles> files = fixture.store().read(generation);
            return files.orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
