// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.centralserver.ManagementTestbed.expect;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.AdminHttp.Answer;
import org.zhol.centralserver.globalconf.ConfigurationDownloader;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ManagementFixture;

/**
 * The central server as a separate JVM ({@code CentralServerMain start}): a request accepted with 202
 * survives {@code kill -9} before the next generation and is published after the restart. The time from
 * process start to the first HTTP answer is logged, not asserted; {@code central-server/bin/measure-startup.sh}
 * measures it properly.
 */
class ManagementCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementCrashTest.class);
    private static final Pattern PORT = Pattern.compile("^\\s+(admin|registration|download)\\s+\\S+:(\\d+)$");

    /** A child process and its listeners. */
    private record Child(Process process, Map<String, Integer> ports, long millisToFirstAnswer) {
    }

    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();
    /** Fixed across restarts, as in production: the anchor names the download URL. */
    private final int downloadPort = freePort();

    @AfterEach
    void tearDown() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void killMinus9AfterAcceptanceLosesNoRequest() throws Exception {
        ManagementTestbed bed = new ManagementTestbed(dir, true).start();
        bed.populate();
        bed.stop();

        Child first = launch();
        bed.attach(first.ports().get("admin"), first.ports().get("registration"));
        byte[] anchor = bed.api.call("GET", "/anchor", bed.admin, null).body().toString()
                .getBytes(StandardCharsets.UTF_8);
        Answer accepted = bed.submit(bed.envelope(AuthCertRegistration.create(ManagementFixture.SERVER,
                "ss1.example.org", bed.pki.auth.der(), Instant.now())));
        expect(202, accepted);
        first.process().destroyForcibly().waitFor();

        Child second = launch();
        bed.attach(second.ports().get("admin"), second.ports().get("registration"));
        Answer state = bed.adminCall("GET", "/requests/" + accepted.body().path("id").asText());
        assertThat(state.body().path("state").asText()).isEqualTo("APPROVED");
        try (ConfigurationDownloader client = new ConfigurationDownloader(EffectiveAnchor.installed(
                ConfigurationAnchorCodec.decode(anchor)))) {
            Optional<SecurityServer> published = client.update(Instant.now()).configuration().configuration()
                    .securityServer(ManagementFixture.SERVER);
            assertThat(published).isPresent();
        }
        LOG.info("Central server process start to first HTTP answer: cold {} ms, after kill -9 {} ms",
                first.millisToFirstAnswer(), second.millisToFirstAnswer());
        stop(second);
    }

    /** Starts {@code CentralServerMain start} on the test's data directory; returns once it answers HTTP. */
    private Child launch() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CentralServerMain.class.getName(), "start",
                "--data-dir", dir.resolve("data").toString(), "--set", "autoApprove=true",
                "--set", "generationIntervalSeconds=600"));
        for (String listener : List.of("admin", "registration", "download")) {
            command.addAll(List.of("--set", "listeners." + listener + ".host=127.0.0.1",
                    "--set", "listeners." + listener + ".port=" + (listener.equals("download") ? downloadPort : 0)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(
                Files.createTempFile(dir, "central-", ".log").toFile());
        builder.environment().put("ZHOL_KEYSTORE_PASSWORD", ManagementTestbed.PASSWORD);
        long began = System.nanoTime();
        Process process = builder.start();
        children.add(process);
        Map<String, Integer> ports = ports(process);
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ports.get("admin") + "/openapi.json")).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(5);
            }
        }
        return new Child(process, ports, (System.nanoTime() - began) / 1_000_000);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> ports(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Map<String, Integer> ports = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ports.size() < 3 && Instant.now().isBefore(deadline)) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the central server exited with " + process.waitFor());
            }
            Matcher m = PORT.matcher(line);
            if (m.matches()) {
                ports.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return ports;
    }

    /** Stops a child with SIGTERM, as an operator does, and returns its startup figure. */
    private static long stop(Child child) throws Exception {
        child.process().destroy();
        assertThat(child.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return child.millisToFirstAnswer();
    }
}
