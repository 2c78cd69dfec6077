// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's life as a user lives it, through its command line: {@code ./zhol sandbox} as a process
 * of its own (on free ports); a second one in the same work directory is refused in one line naming
 * the first; {@code --load} while it runs sends the requests to it; SIGTERM (what Ctrl-C does: the JVM
 * runs the same shutdown hook) stops it cleanly; then {@code --keep --load} starts the same federation
 * again from the work directory, on the same ports, and the exchanges still work.
 */
class SandboxLifecycleTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void secondStartIsRefusedLoadGoesToTheRunningOneSigtermStopsCleanlyAndKeepRestarts() throws Exception {
        Path work = dir.resolve("sandbox");
        Process first = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SandboxMain.class.getName(),
                "--work-dir", work.toString(), "--random-ports")).redirectErrorStream(true).start();
        StringBuilder firstOutput = new StringBuilder();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(first.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> readUntil(lines, firstOutput,
                    "Zhol sandbox ready"));
            assertThat(ready.get(300, TimeUnit.SECONDS)).as(firstOutput::toString).isTrue();
            SandboxState state = SandboxState.read(work).orElseThrow();

            Run second = sandboxMain("--work-dir", work.toString());
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().lines().toList()).hasSize(1);
            assertThat(second.err()).contains("a sandbox is already running in " + work.toAbsolutePath())
                    .contains("pid " + first.pid()).contains("SS1 client proxy " + SandboxGuide.clientProxy(state))
                    .doesNotContain("Exception");

            Run load = sandboxMain("--work-dir", work.toString(), "--load", "60", "--load-concurrency", "4",
                    "--progress", "lines");
            assertThat(load.exit()).as(load.out() + load.err()).isZero();
            assertThat(load.out()).contains("to the sandbox running in").contains("Load: 60 requests (30 REST GET by id")
                    .contains("0 errors");

            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> readUntil(lines, firstOutput,
                    "Stopped; its state stays in"));
            // Process.destroy() would close our end of its output first; kill sends the signal alone.
            Process kill = new ProcessBuilder("kill", "-TERM", String.valueOf(first.pid())).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stopped.get(120, TimeUnit.SECONDS)).as(firstOutput::toString).isTrue();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(firstOutput).contains("Stopping the sandbox ...").doesNotContain("Exception");
        } finally {
            first.destroyForcibly();
        }
        // The lock went with the process; the H2 files were closed (no .lock.db left behind).
        try (var files = Files.walk(work)) {
            assertThat(files.map(Path::toString).filter(f -> f.endsWith(".lock.db")).toList()).isEmpty();
        }

        SandboxState before = SandboxState.read(work).orElseThrow();
        Run again = sandboxMain("--work-dir", work.toString(), "--keep", "--load", "40", "--progress", "none");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Starting the sandbox kept in " + work.toAbsolutePath())
                .contains(SandboxGuide.restUrl(before, org.zhol.examples.demo.PersonDirectory.FIRST_ID))
                .contains("Load: 40 requests").contains("0 errors").contains("Stopped; its state stays in");
        assertThat(SandboxState.read(work)).contains(before);
    }

    /** Reads lines into {@code seen} until one contains {@code marker}: whether it came before the end. */
    private static boolean readUntil(BufferedReader lines, StringBuilder seen, String marker) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (seen) {
                    seen.append(line).append('\n');
                }
                if (line.contains(marker)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run sandboxMain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SandboxMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
