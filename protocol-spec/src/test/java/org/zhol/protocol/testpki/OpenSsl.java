// SPDX-License-Identifier: MIT
package org.zhol.protocol.testpki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command line as a subprocess. A missing {@code openssl} fails the test
 * loudly; it is never a reason to skip.
 */
public final class OpenSsl {

    /** What openssl printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl args...} in {@code workDir}. */
    public static Result run(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("These tests need the 'openssl' command on the PATH; it could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The {@code openssl} binary on the PATH; fails (never skips) the test when it is not installed. */
    public static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "openssl");
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("The 'openssl' binary is not on the PATH. The interoperability tests need it:"
                + " install OpenSSL (e.g. apt-get install openssl) and run the tests again.");
    }
}
