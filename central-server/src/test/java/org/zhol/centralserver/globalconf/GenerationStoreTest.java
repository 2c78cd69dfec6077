// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.testing.TestConfigurations;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.testpki.TestPki;

class GenerationStoreTest {

    @TempDir
    Path root;
    private final GlobalConfWriter writer = new GlobalConfWriter(key());
    private final TestConfigurations configurations = new TestConfigurations();

    private static ConfigurationSigningKey key() {
        var keys = TestPki.ecKeyPair();
        return new ConfigurationSigningKey(keys.getPrivate(),
                TestPki.rootCa("CN=Signer").issue(TestPki.Spec.sign("CN=Config signer"), keys.getPublic()));
    }

    private GlobalConfFiles generation(long generation) {
        return writer.write(configurations.configuration("DEV", "Member " + generation), generation, Instant.now());
    }

    @Test
    void storesAGenerationAsItIsServedAndReadsItBack() throws Exception {
        GenerationStore store = new GenerationStore(root, "DEV");
        assertThat(store.latest()).isEmpty();
        GlobalConfFiles files = generation(1);

        store.store(1, files);

        assertThat(store.latest()).hasValue(1);
        assertThat(store.read(1)).hasValue(files);
        assertThat(Files.readString(root.resolve("v1/DEV/latest"))).isEqualTo("1\n");
        assertThat(root.resolve("v1/DEV/1/directory.json")).hasBinaryContent(files.directory());
        assertThat(root.resolve("v1/DEV/1/directory.json.p7s")).hasBinaryContent(files.signature());
        assertThat(root.resolve("v1/DEV/1/" + GlobalConfLayout.SHARED_PARAMS)).exists();
        try (var leftovers = Files.list(root.resolve("v1/DEV/1"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void generationsOnlyGoUp() throws Exception {
        GenerationStore store = new GenerationStore(root, "DEV");
        store.store(2, generation(2));

        assertThatThrownBy(() -> store.store(2, generation(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.store(1, generation(1))).isInstanceOf(IllegalArgumentException.class);
        Files.createDirectories(root.resolve("v1/DEV/7"));
        assertThat(store.highestGeneration()).isEqualTo(7);
        assertThat(store.latest()).hasValue(2);
    }

    @Test
    void keepsTheNewestGenerations() throws Exception {
        GenerationStore store = new GenerationStore(root, "DEV");
        GlobalConfFiles files = generation(1);
        int last = GenerationStore.RETAINED_GENERATIONS + 3;
        for (int g = 1; g <= last; g++) {
            store.store(g, files);
        }

        assertThat(store.read(3)).isEmpty();
        assertThat(root.resolve("v1/DEV/3")).doesNotExist();
        assertThat(store.read(last - GenerationStore.RETAINED_GENERATIONS + 1)).isPresent();
        assertThat(store.latest()).hasValue(last);
    }

    @Test
    void findsOnlySingleSafeSegments() throws Exception {
        GenerationStore store = new GenerationStore(root, "DEV");
        store.store(1, generation(1));
        Files.writeString(root.resolve("secret.txt"), "no");

        assertThat(store.file(1, GlobalConfLayout.DIRECTORY_FILE)).isPresent();
        assertThat(store.file(1, "../../../secret.txt")).isEmpty();
        assertThat(store.file(1, "..")).isEmpty();
        assertThat(store.file(1, "missing.json")).isEmpty();
        assertThat(store.file(0, GlobalConfLayout.DIRECTORY_FILE)).isEmpty();
    }
}
