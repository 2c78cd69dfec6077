// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seed inputs for the fuzz targets, read from the checked-in test vectors
 * ({@code src/test/resources/vectors/<area>/}). A target lists them with {@code @MethodSource} before
 * {@code @FuzzTest}: in the normal suite each seed is one regression case, and when fuzzing Jazzer starts
 * its corpus from them. Findings are kept apart, in the target's {@code <Class>Inputs/<method>/} directory.
 */
final class Seeds {

    private Seeds() {
    }

    /** The bytes of one vector file, e.g. {@code vector("ocsp", "good.der")}. */
    static byte[] vector(String area, String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/vectors/" + area + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing vector " + area + "/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a vector directory (recursively) whose names pass {@code filter}, sorted. */
    static List<Path> files(String area, Predicate<String> filter) {
        URL dir = Seeds.class.getResource("/vectors/" + area);
        if (dir == null) {
            throw new IllegalStateException("missing vector directory " + area);
        }
        try (Stream<Path> walk = Files.walk(Path.of(dir.toURI()))) {
            return walk.filter(Files::isRegularFile).filter(p -> filter.test(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A named seed argument. */
    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }

    /** One seed per file, named by the file. */
    static Stream<Arguments> ofFiles(List<Path> files) {
        List<Arguments> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(seed(file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.stream();
    }

    /** {@code prefix} then {@code body}: the seed of a target whose first byte picks the parser. */
    static byte[] prefixed(int prefix, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) prefix;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }
}
