// SPDX-License-Identifier: MIT
package org.zhol.protocol.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Module-boundary rules, checked by reading the import lines of a module's main sources. Each module
 * has one plain JUnit test that calls {@link #assertNoImports}.
 */
public final class ImportRules {

    private ImportRules() {
    }

    /**
     * Fails when a Java file under {@code sourceRoot} whose path contains {@code pathFragment} imports
     * a name starting with any of {@code forbiddenPrefixes}.
     */
    public static void assertNoImports(Path sourceRoot, String pathFragment, String... forbiddenPrefixes) {
        assertThat(sourceRoot).as("source root").isDirectory();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && f.toString().replace('\\', '/').contains(pathFragment)).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (!trimmed.startsWith("import ")) {
                        continue;
                    }
                    String imported = trimmed.substring("import ".length()).replace("static ", "");
                    for (String prefix : forbiddenPrefixes) {
                        if (imported.startsWith(prefix)) {
                            violations.add(sourceRoot.relativize(file) + ": " + trimmed);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations).as("forbidden imports").isEmpty();
    }
}
