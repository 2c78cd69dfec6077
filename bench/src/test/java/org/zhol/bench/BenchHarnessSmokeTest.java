// SPDX-License-Identifier: MIT
package org.zhol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./zhol bench` on a tiny run ({@code --smoke}: 1-s runs, one round, an 8 MiB body): the harness starts
 * nginx (two mTLS hops) and the sandbox (here on this test's class path), checks that both answer each
 * workload correctly, drives them, moves the large body both ways through both and writes its two result
 * files. What is checked is that the run is complete and correct, never how fast anything was. Needs wrk,
 * nginx, openssl, curl and python3 (`./zhol test` installs the missing ones as root with apt).
 */
class BenchHarnessSmokeTest {

    private static final List<String> WORKLOADS = List.of("get", "post16k", "soap", "latency", "large-upload",
            "large-download");

    @Test
    void aTinyRunDrivesBothSystemsThroughEveryWorkloadAndWritesItsResults(@TempDir Path out) throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Path log = out.resolve("harness.log");
        Process harness = new ProcessBuilder("python3", root.resolve("bench/bin/bench.py").toString(), "--smoke",
                "--out", out.toString(), "--name", "smoke",
                "--sandbox-classpath", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")),
                "--java", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A guard against a hung child, not a measurement: the run takes well under a minute.
        if (!harness.waitFor(5, TimeUnit.MINUTES)) {
            harness.destroy(); // SIGTERM: the harness still stops nginx and the sandbox
            harness.waitFor(60, TimeUnit.SECONDS);
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(said); // kept in the test's output file, with the harness's timings
        assertThat(harness.exitValue()).as(said).isZero();

        JsonNode results = new ObjectMapper().readTree(out.resolve("smoke.json").toFile());
        List<String> seen = new ArrayList<>();
        for (JsonNode run : results.get("runs")) {
            seen.add(run.get("workload").asText() + "/" + run.get("system").asText());
            if (run.has("errors")) {
                assertThat(run.get("errors").asInt()).as(run.toString()).isZero();
                assertThat(run.get("requests").asLong()).isNotNegative();
            } else {
                assertThat(run.get("verified").asBoolean()).as(run.toString()).isTrue();
                assertThat(run.get("bytes").asLong()).isEqualTo(8L << 20);
                assertThat(run.get("peak_rss_mib").asDouble()).isPositive();
            }
            assertThat(run.get("server_cpu_s").isNumber()).isTrue();
        }
        List<String> expected = new ArrayList<>();
        WORKLOADS.forEach(w -> List.of("baseline", "zhol").forEach(s -> expected.add(w + "/" + s)));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(results.at("/summary/get/rps/ratio_per_round")).hasSize(1);
        assertThat(results.at("/meta/nginx_conf").asText()).contains("ssl_verify_client on")
                .contains("proxy_ssl_protocols TLSv1.3").contains("worker_processes 2");
        assertThat(results.at("/meta/java_opts").asText()).contains("-Xmx256m");

        String report = Files.readString(out.resolve("smoke.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("## Summary").contains("| REST GET | req/s |").contains("## Large body")
                .contains("## Set-up");
    }
}
