// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.server.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The options that say where the configuration comes from (a picocli mixin of {@code init} and {@code start}). */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML (.yaml/.yml) or .properties configuration file.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one option, e.g. listeners.admin.port=0; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (overrides dataDir).")
    Path dataDir;

    /** Options read without picocli ({@link StartArguments}). */
    static ConfigOptions of(Path file, List<String> overrides, Path dataDir) {
        ConfigOptions options = new ConfigOptions();
        options.file = file;
        options.overrides = new ArrayList<>(overrides);
        options.dataDir = dataDir;
        return options;
    }

    /** The defaults, then the file, then {@code --set}, then {@code --data-dir}. */
    CentralServerConfig load() {
        CentralServerConfig config = new ConfigLoader().load(CentralServerConfig.DEFAULTS, file, overrides);
        return dataDir == null ? config : config.withDataDir(dataDir.toString());
    }
}
