// SPDX-License-Identifier: MIT
package org.zhol.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

class ConfigLoaderTest {

    /** A config shaped like a server's: nested records, validated by their compact constructors. */
    record Sample(String name, ListenerConfig admin, int interval) {
        static final Sample DEFAULTS = new Sample("default-name", new ListenerConfig("127.0.0.1", 4002), 60);
    }

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsWithoutAFile() {
        Sample s = loader.load(Sample.DEFAULTS, null, List.of());
        assertThat(s).isEqualTo(Sample.DEFAULTS);
    }

    @Test
    void yamlThenOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "name: central\nadmin:\n  host: 0.0.0.0\n  port: 5000\n");
        Sample s = loader.load(Sample.DEFAULTS, file, List.of("admin.port=6000", "interval=5"));
        assertThat(s).isEqualTo(new Sample("central", new ListenerConfig("0.0.0.0", 6000), 5));
    }

    @Test
    void propertiesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("c.properties"), "name=x\nadmin.host=127.0.0.2\nadmin.port=7\n");
        assertThat(loader.load(Sample.DEFAULTS, file, List.of()).admin()).isEqualTo(new ListenerConfig("127.0.0.2", 7));
    }

    @Test
    void misspeltAndInvalidOptionsAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "nmae: typo\n");
        assertThatThrownBy(() -> loader.load(Sample.DEFAULTS, file, List.of()))
                .isInstanceOfSatisfying(ZholException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SERVER_CONF);
                    assertThat(e.detail()).contains("c.yaml").contains("nmae");
                });
        assertThatThrownBy(() -> loader.load(Sample.DEFAULTS, null, List.of("interval=soon")))
                .isInstanceOf(ZholException.class);
        assertThatThrownBy(() -> loader.load(Sample.DEFAULTS, null, List.of("admin.port=70000")))
                .isInstanceOf(ZholException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> loader.load(Sample.DEFAULTS, null, List.of("noequals")))
                .isInstanceOf(ZholException.class);
        assertThatThrownBy(() -> loader.load(Sample.DEFAULTS, dir.resolve("missing.yaml"), List.of()))
                .isInstanceOf(ZholException.class).hasMessageContaining("missing.yaml");
    }
}
