// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.config.CentralServerConfig;

/** {@code start}'s own reader: the plain forms it takes, and everything it leaves to picocli. */
class StartArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void readsThePlainFormsInBothSpellings() {
        ConfigOptions options = StartArguments.read(List.of("--data-dir", dir.toString(), "--set",
                "listeners.admin.port=0", "--set=autoApprove=true", "--set", "generationIntervalSeconds=7")).orElseThrow();
        CentralServerConfig config = options.load();
        assertThat(config.dataPath()).isEqualTo(dir);
        assertThat(config.listeners().admin().port()).isZero();
        assertThat(config.autoApprove()).isTrue();
        assertThat(config.generationIntervalSeconds()).isEqualTo(7);

        ConfigOptions equals = StartArguments.read(List.of("--data-dir=" + dir)).orElseThrow();
        assertThat(equals.load().dataPath()).isEqualTo(dir);
        assertThat(StartArguments.read(List.of()).orElseThrow().load()).isEqualTo(CentralServerConfig.DEFAULTS);
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("--no-such-option", "x"), List.of("--data-dir"), List.of("--set"),
                List.of("--data-dir", "a", "--data-dir", "b"), List.of("--config", "a.yaml", "--config=b.yaml"),
                List.of("--set", "--data-dir"), List.of("--data-dir", "-x"), List.of("@args.txt"),
                List.of("--set", "@file"), List.of("--", "--data-dir", "x"), List.of("positional"))) {
            assertThat(StartArguments.read(args)).as(args.toString()).isEmpty();
        }
    }
}
