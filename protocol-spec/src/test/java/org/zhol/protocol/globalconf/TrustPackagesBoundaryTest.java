// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code tsp} and {@code globalconf} packages import no Netty, no JDBC and no logging framework. */
class TrustPackagesBoundaryTest {

    private static final List<String> FORBIDDEN = List.of("import io.netty.", "import java.sql.", "import org.slf4j.",
            "import org.h2.");

    @ParameterizedTest
    @ValueSource(strings = {"tsp", "globalconf"})
    void importsNothingForbidden(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/org/zhol/protocol", pkg);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                assertThat(FORBIDDEN).as(file.toString()).noneMatch(source::contains);
                assertThat(source).as(file.toString()).startsWith("// SPDX-License-Identifier: MIT\n");
            }
        }
    }
}
