// SPDX-License-Identifier: MIT
package org.zhol.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.examples.demo.PersonDirectory;

/**
 * The operator's runbook (examples/operator/README.md), verbatim: its {@code sh} blocks, in order, run by
 * bash on free ports, with {@code ./zhol} handing each command to this JVM ({@link InProcessLauncher}).
 * From the dev CA through the central server's and both security servers' {@code init} and
 * {@code start}, keys, certificates, registrations, the service and its access right, to the first
 * exchange: the curl at the end gets the person's JSON through SS1 and SS2.
 */
class RunbookTest {

    private static final Path RUNBOOK = Path.of("operator", "README.md");
    private static final List<String> PORTS = List.of("OCSP_PORT", "TSA_PORT", "CS_REG_PORT", "CS_DL_PORT",
            "CS_ADMIN_PORT", "SS1_HTTP_PORT", "SS1_HTTPS_PORT", "SS1_SERVER_PORT", "SS1_ADMIN_PORT", "SS2_HTTP_PORT",
            "SS2_HTTPS_PORT", "SS2_SERVER_PORT", "SS2_ADMIN_PORT", "DEMO_PORT");

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void theRunbookTakesAFederationFromInitToTheFirstExchange() throws Exception {
        List<String> blocks = shellBlocks(Files.readString(RUNBOOK, StandardCharsets.UTF_8));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        // Every port the commands use is one of the variables the first block lets us set.
        for (String port : PORTS) {
            assertThat(blocks.getFirst()).contains(port + "=${" + port + ":-");
        }
        Path script = dir.resolve("runbook.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks) + "\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("runbook.out");
        try (InProcessLauncher launcher = new InProcessLauncher()) {
            launcher.writeScript(dir);
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> env = bash.environment();
            env.put("RUNBOOK", dir.resolve("runbook").toString());
            for (String port : PORTS) {
                env.put(port, Integer.toString(freePort()));
            }
            Process process = bash.start();
            boolean ended = process.waitFor(480, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as(printed).isTrue();
            assertThat(process.exitValue()).as(printed).isZero();
            assertThat(printed).contains("\"id\":\"" + PersonDirectory.FIRST_ID + "\"")
                    .contains("Central server for instance DEV started").contains("started SERVER:DEV/GOV/1001/SS2")
                    .contains("started SERVER:DEV/GOV/2002/SS1").contains("registration: registered at");
        }
    }

    /** The contents of the {@code ```sh} blocks, in order. */
    static List<String> shellBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```sh\\n(.*?)^```").matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
