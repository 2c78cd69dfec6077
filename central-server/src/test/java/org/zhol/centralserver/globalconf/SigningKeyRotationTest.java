// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.server.http.HttpServer;

/**
 * The acceptance test of signing-key rotation: a security server holding only the old anchor keeps
 * verifying every generation through generateFuture, activateFuture and the end of the grace period,
 * across a restart of the central server, over real HTTP.
 */
class SigningKeyRotationTest {

    @TempDir
    Path data;
    private PublisherFixture fixture;
    private HttpServer server;
    private ConfigurationSigningKeys keys;
    private ConfigurationPublisher publisher;

    @BeforeEach
    void setUp() {
        server = new HttpServer(ConfigurationHttp.listener("127.0.0.1", 0),
                request -> new ConfigurationHttp(fixture.store()).router().handle(request), new ObjectMapper()).start();
        fixture = new PublisherFixture(data, List.of(URI.create("http://127.0.0.1:" + server.port() + "/")));
        keys = fixture.keys;
        keys.initialise();
        publisher = fixture.publisher(keys);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aServerWithOnlyTheOldAnchorFollowsTheWholeRotation() throws Exception {
        ConfigurationAnchor oldAnchor = anchor();
        ConfigurationSigningKey oldKey = keys.signingKey();
        assertThat(oldAnchor.signingCertificates()).containsExactly(oldKey.certificate());
        try (ConfigurationDownloader follower = client(oldAnchor); ConfigurationDownloader offline = client(oldAnchor)) {
            publish(1);
            assertSignedBy(follower.update(fixture.clock.instant()), oldKey.certificate());
            offline.update(fixture.clock.instant());

            X509Certificate next = keys.generateFuture().certificate();
            publish(2);
            assertSignedBy(follower.update(fixture.clock.instant()), oldKey.certificate());
            assertThat(follower.trust().anchor().signingCertificates()).containsExactly(oldKey.certificate(), next);
            ConfigurationAnchor transitionAnchor = anchor();

            restartCentralServer();
            fixture.clock.advance(PublisherFixture.NOTICE);
            keys.activateFuture();
            publish(3);
            assertSignedBy(follower.update(fixture.clock.instant()), next);
            assertThat(follower.trust().anchor().signingCertificates()).containsExactly(next, oldKey.certificate());
            try (ConfigurationDownloader fresh = client(transitionAnchor)) {
                assertSignedBy(fresh.update(fixture.clock.instant()), next);
            }
            assertStale(offline);

            fixture.clock.advance(PublisherFixture.GRACE);
            publish(4);
            assertSignedBy(follower.update(fixture.clock.instant()), next);
            assertThat(follower.trust().anchor().signingCertificates()).containsExactly(next);
            assertThat(anchor().signingCertificates()).containsExactly(next);
            assertStale(offline);

            GlobalConfFiles byRetiredKey = new GlobalConfWriter(oldKey).write(fixture.source.current(), 5,
                    fixture.clock.instant(), oldAnchor);
            assertThatThrownBy(() -> follower.trust().verifyAndUpdate(byRetiredKey, fixture.clock.instant()))
                    .isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.faultCode()).hasToString("IncorrectCertificate"));
        }
    }

    @Test
    void aKeyCannotSignBeforeItHasBeenPublishedForTheNoticePeriod() {
        publisher.publishIfNeeded();
        keys.generateFuture();

        assertThatThrownBy(keys::activateFuture).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.detail()).contains("old anchor"));
        assertThat(keys.signingKey().certificate()).isEqualTo(anchor().signingCertificates().getFirst());
    }

    private void publish(long expectedGeneration) {
        assertThat(publisher.publishIfNeeded()).hasValueSatisfying(
                d -> assertThat(d.generation()).isEqualTo(expectedGeneration));
    }

    /** Both the keys and the publisher are rebuilt from the data directory, as after a restart. */
    private void restartCentralServer() {
        keys = fixture.newKeys();
        keys.start();
        publisher = fixture.publisher(keys);
    }

    private ConfigurationAnchor anchor() {
        return new AnchorExport(fixture.config(), keys).anchor();
    }

    private static ConfigurationDownloader client(ConfigurationAnchor installed) {
        return new ConfigurationDownloader(EffectiveAnchor.installed(installed));
    }

    private void assertStale(ConfigurationDownloader offline) {
        assertThatThrownBy(() -> offline.update(fixture.clock.instant())).isInstanceOfSatisfying(
                ZholException.class, e -> {
                    assertThat(e.faultCode()).hasToString("IncorrectCertificate");
                    assertThat(e.detail()).contains("anchor is stale");
                });
    }

    private static void assertSignedBy(EffectiveAnchor.Update update, X509Certificate signer) {
        assertThat(update.configuration().signer()).isEqualTo(signer);
    }
}
