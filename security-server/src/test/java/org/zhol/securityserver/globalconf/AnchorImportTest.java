// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.securityserver.globalconf.ConfFixture.T0;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.server.testing.MutableClock;

/** Importing an anchor: validated, checked against the configuration at its URLs, stored atomically. */
class AnchorImportTest {

    private static final ConfigurationSigningKey KEY = ConfFixture.signingKey("Config signer 1");
    private static final ConfigurationSigningKey OTHER_KEY = ConfFixture.signingKey("Someone else");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0.plusSeconds(10));
    private final CentralServerStub central = new CentralServerStub();
    private final HttpDownloader downloader = new HttpDownloader(java.time.Duration.ofSeconds(5));
    private AnchorStore store;
    private AnchorImport anchors;

    @BeforeEach
    void setUp() {
        central.start();
        central.publish(1, ConfFixture.generation(KEY, 1, T0));
        store = new AnchorStore(dir);
        anchors = new AnchorImport(ConfFixture.INSTANCE, store, downloader, clock);
    }

    @AfterEach
    void tearDown() {
        central.close();
        downloader.close();
    }

    @Test
    void importsAnAnchorWhoseConfigurationVerifies() throws Exception {
        byte[] bytes = ConfFixture.anchorBytes(central.url(), KEY.certificate());

        assertThat(anchors.importAnchor(bytes).signingCertificates()).containsExactly(KEY.certificate());

        assertThat(Files.readAllBytes(dir.resolve("anchor.json"))).isEqualTo(bytes);
        assertThat(store.installed()).hasValueSatisfying(i -> {
            assertThat(i.anchor().downloadUrls()).containsExactly(central.url());
            assertThat(i.sha256()).isEqualTo(AnchorStore.sha256(bytes));
        });
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
                    .containsExactly("anchor.json");
        }
    }

    @Test
    void aCorruptedFileIsRefusedWithAClearMessage() {
        byte[] valid = ConfFixture.anchorBytes(central.url(), KEY.certificate());
        String text = new String(valid, StandardCharsets.UTF_8);
        List<byte[]> corrupted = List.of("not an anchor".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(valid, valid.length / 2), new byte[0],
                mutated(text, "\"MII", "\"!!!"), mutated(text, "\"formatVersion\": 1", "\"formatVersion\": 2"),
                mutated(text, "\"signingCertificates\": \\[[^\\]]*\\]", "\"signingCertificates\": []"));

        for (byte[] bytes : corrupted) {
            assertRefused(bytes, "MalformedGlobalConf", "The anchor is refused: it is not a valid anchor file");
        }
    }

    @Test
    void anAnchorWhoseSignerDidNotSignTheConfigurationIsRefused() {
        assertRefused(ConfFixture.anchorBytes(central.url(), OTHER_KEY.certificate()), "IncorrectCertificate",
                "The anchor is refused: the configuration at its URLs does not verify with it");
    }

    @Test
    void anAnchorOfAnotherInstanceIsRefused() {
        byte[] bytes = ConfigurationAnchorCodec.encode(ConfFixture.anchor("EE", central.url(), KEY.certificate()));

        assertRefused(bytes, "MalformedGlobalConf.InconsistentResponse", "it is for instance 'EE'");
    }

    @Test
    void anAnchorWithAnUnusableUrlIsRefused() {
        for (String url : List.of("ftp://cs.example.org/", "http://user:secret@cs.example.org/",
                "http://cs.example.org/?x=1")) {
            assertRefused(ConfFixture.anchorBytes(URI.create(url), KEY.certificate()), "MalformedGlobalConf",
                    "is not an http(s) URL");
        }
    }

    @Test
    void anAnchorWhoseConfigurationCannotBeDownloadedIsRefused() {
        central.close();

        assertThatThrownBy(() -> anchors.importAnchor(ConfFixture.anchorBytes(central.url(), KEY.certificate())))
                .isInstanceOfSatisfying(ZholException.class, e -> {
                    assertThat(e.faultCode()).hasToString("NetworkError");
                    assertThat(e.origin()).isEqualTo(Origin.THIS_SERVER);
                    assertThat(e.detail()).startsWith("The anchor is refused: no configuration could be downloaded");
                });
        assertThat(dir.resolve("anchor.json")).doesNotExist();
    }

    @Test
    void anExpiredConfigurationAtItsUrlsIsRefused() {
        clock.set(T0.plus(ConfFixture.EXPIRY));

        assertRefused(ConfFixture.anchorBytes(central.url(), KEY.certificate()), "OutdatedGlobalConf",
                "does not verify with it");
    }

    @Test
    void aRefusedAnchorLeavesTheInstalledOneInPlace() throws Exception {
        byte[] good = ConfFixture.anchorBytes(central.url(), KEY.certificate());
        anchors.importAnchor(good);

        assertThatThrownBy(() -> anchors.importAnchor(ConfFixture.anchorBytes(central.url(),
                OTHER_KEY.certificate()))).isInstanceOf(ZholException.class);

        assertThat(Files.readAllBytes(dir.resolve("anchor.json"))).isEqualTo(good);
    }

    private static byte[] mutated(String text, String regex, String replacement) {
        String changed = text.replaceFirst(regex, replacement);
        assertThat(changed).as("mutation " + regex).isNotEqualTo(text);
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(byte[] bytes, String code, String detail) {
        assertThatThrownBy(() -> anchors.importAnchor(bytes)).isInstanceOfSatisfying(ZholException.class, e -> {
            assertThat(e.faultCode()).hasToString(code);
            assertThat(e.origin()).isEqualTo(Origin.CLIENT);
            assertThat(e.detail()).contains(detail);
        });
        assertThat(dir.resolve("anchor.json")).doesNotExist();
    }
}
