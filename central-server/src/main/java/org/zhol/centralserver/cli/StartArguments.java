// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the options of {@code start} without picocli, when they are the plain forms a launcher or a
 * service unit writes: {@code --config FILE}, {@code --set KEY=VALUE} (repeatable) and
 * {@code --data-dir DIR}, each also as {@code --option=value}.
 *
 * <p>Deviation: the command line is picocli's everywhere else. Picocli's classes are built for Java 5,
 * which the JVM's class cache cannot hold, and building its model reads annotations reflectively; both
 * cost a server about a third of a second before it can answer. Anything this reader does not fully
 * understand (help, an unknown or repeated option, a missing value, a value that looks like an option,
 * {@code --}, an {@code @file}) is left to picocli, so that messages and exit codes stay picocli's.
 */
final class StartArguments {

    private StartArguments() {
    }

    /**
     * The options of {@code start}, from the arguments after {@code start}.
     *
     * @return empty when picocli must read the arguments
     */
    static Optional<ConfigOptions> read(List<String> args) {
        Path file = null;
        Path dataDir = null;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = eq > 0 && arg.startsWith("--") ? arg.substring(0, eq) : arg;
            String value;
            if (eq > 0 && arg.startsWith("--")) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            if (value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            switch (name) {
                case "--config" -> {
                    if (file != null || (file = path(value)) == null) {
                        return Optional.empty();
                    }
                }
                case "--data-dir" -> {
                    if (dataDir != null || (dataDir = path(value)) == null) {
                        return Optional.empty();
                    }
                }
                case "--set" -> overrides.add(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(ConfigOptions.of(file, overrides, dataDir));
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
