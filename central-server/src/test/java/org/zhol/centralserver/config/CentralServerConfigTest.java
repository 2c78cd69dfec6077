// SPDX-License-Identifier: MIT
package org.zhol.centralserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.config.ConfigLoader;
import org.zhol.server.config.ListenerConfig;

class CentralServerConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsAreTheDocumentedOnes() {
        CentralServerConfig c = loader.load(CentralServerConfig.DEFAULTS, null, List.of());
        assertThat(c).isEqualTo(CentralServerConfig.DEFAULTS);
        assertThat(c.listeners().registration()).isEqualTo(new ListenerConfig("0.0.0.0", 4001));
        assertThat(c.listeners().download()).isEqualTo(new ListenerConfig("0.0.0.0", 8070));
        assertThat(c.listeners().admin()).isEqualTo(new ListenerConfig("127.0.0.1", 4002));
        assertThat(c.generationIntervalSeconds()).isEqualTo(60);
        assertThat(c.autoApprove()).isFalse();
        assertThat(c.databaseConfig().jdbcUrl()).startsWith("jdbc:h2:file:").contains("central-data");
    }

    @Test
    void yamlFileThenOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("central.yaml"), """
                instance: DEV
                dataDir: /var/lib/zhol
                database:
                  jdbcUrl: jdbc:postgresql://db/central
                  user: zhol
                  password: s3cret
                listeners:
                  admin: {host: 127.0.0.1, port: 5002}
                autoApprove: true
                """);
        CentralServerConfig c = loader.load(CentralServerConfig.DEFAULTS, file, List.of("generationIntervalSeconds=5",
                "listeners.download.port=0"));
        assertThat(c.instance()).isEqualTo("DEV");
        assertThat(c.dataPath()).isEqualTo(Path.of("/var/lib/zhol"));
        assertThat(c.databaseConfig().isPostgres()).isTrue();
        assertThat(c.databaseConfig().user()).isEqualTo("zhol");
        assertThat(c.listeners().admin().port()).isEqualTo(5002);
        assertThat(c.listeners().download()).isEqualTo(new ListenerConfig("0.0.0.0", 0));
        assertThat(c.generationIntervalSeconds()).isEqualTo(5);
        assertThat(c.autoApprove()).isTrue();
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void propertiesFileAndRefusals() throws Exception {
        Path file = Files.writeString(dir.resolve("central.properties"), "listeners.admin.port=6000\ninstance=EE\n");
        assertThat(loader.load(CentralServerConfig.DEFAULTS, file, List.of()).listeners().admin().port()).isEqualTo(6000);
        assertThatThrownBy(() -> loader.load(CentralServerConfig.DEFAULTS, null, List.of("generationIntervalSeconds=0")))
                .isInstanceOf(ZholException.class);
        assertThatThrownBy(() -> loader.load(CentralServerConfig.DEFAULTS, null, List.of("listners.admin.port=1")))
                .isInstanceOf(ZholException.class);
    }
}
