// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./zhol sandbox evidence --last DIR}: while a sandbox runs, writes the evidence of its last exchange to
 * DIR, from both servers, request and response ({@code ss1-request.asice}, {@code ss1-response.asice},
 * {@code ss2-request.asice}, {@code ss2-response.asice}), and the trust snapshot that verifies them
 * ({@code trust-snapshot.json}). The last exchange is the newest record in SS1's log (SS1 is the client's
 * server). Records are stamped every second; this asks both servers to stamp now and waits until the
 * exchange's records are stamped.
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Exports the evidence (ASiC-E) of the running sandbox's last exchange from both servers, "
                + "request and response, plus the trust snapshot, for ./zhol verify."})
public final class SandboxEvidence implements Callable<Integer> {

    /** The longest wait for the exchange's records to be stamped. */
    static final Duration STAMP_WAIT = Duration.ofSeconds(20);

    @Spec
    CommandSpec spec;

    @Option(names = "--last", required = true, paramLabel = "DIR",
            description = "Where to write the containers and the trust snapshot (created when missing).")
    Path out;

    @Option(names = "--work-dir", defaultValue = ".zhol-sandbox",
            description = "The running sandbox's work directory (default: ${DEFAULT-VALUE}).")
    Path workDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<SandboxState> state = SandboxState.read(workDir.toAbsolutePath().normalize());
        if (state.isEmpty()) {
            err.println("sandbox evidence: no sandbox in " + workDir.toAbsolutePath().normalize()
                    + "; start one with ./zhol sandbox (and send it a request) first");
            return 2;
        }
        List<Path> written;
        try {
            written = export(state.get(), out);
        } catch (java.net.ConnectException e) {
            err.println("sandbox evidence: the sandbox of " + workDir.toAbsolutePath().normalize()
                    + " does not answer; is it running?");
            return 2;
        }
        written.forEach(p -> stdout.println("wrote " + p));
        stdout.println("verify with: ./zhol verify " + out.resolve("*.asice") + " --trust "
                + out.resolve("trust-snapshot.json"));
        return 0;
    }

    /** Exports the last exchange's four containers and SS1's trust snapshot into {@code dir}: the files. */
    public List<Path> export(SandboxState state, Path dir) throws IOException, InterruptedException {
        Admin ss1 = new Admin(state.host(), state.ports().ss1().admin(), state.ss1Token());
        Admin ss2 = new Admin(state.host(), state.ports().ss2().admin(), state.ss2Token());
        JsonNode newest = json.readTree(ss1.bytes("/messagelog/records?last=1"));
        if (newest.isEmpty()) {
            throw new IllegalStateException("SS1's log is empty: send a request through the sandbox first");
        }
        String messageId = newest.get(0).path("messageId").asText();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (var server : List.of(java.util.Map.entry("ss1", ss1), java.util.Map.entry("ss2", ss2))) {
            awaitStamped(server.getValue(), messageId);
            for (String direction : List.of("request", "response")) {
                Path file = dir.resolve(server.getKey() + "-" + direction + ".asice");
                Files.write(file, server.getValue().bytes("/messagelog/evidence?messageId=" + encode(messageId)
                        + "&direction=" + direction));
                written.add(file);
            }
        }
        Path snapshot = dir.resolve("trust-snapshot.json");
        Files.write(snapshot, ss1.bytes("/messagelog/trust-snapshot"));
        written.add(snapshot);
        return written;
    }

    private void awaitStamped(Admin server, String messageId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STAMP_WAIT.toNanos();
        while (true) {
            server.post("/messagelog/checkpoints");
            server.post("/messagelog/timestamps");
            JsonNode records = json.readTree(server.bytes("/messagelog/records?messageId=" + encode(messageId)));
            boolean stamped = records.size() >= 2;
            for (JsonNode record : records) {
                stamped &= record.path("stamped").asBoolean();
            }
            if (stamped) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the records of message " + messageId + " on " + server.base
                        + " are not stamped after " + STAMP_WAIT.toSeconds() + " s (is the TSA up?)");
            }
            Thread.sleep(250);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One security server's admin API. */
    private final class Admin {
        final String base;
        final String token;

        Admin(String host, int port, String token) {
            this.base = "http://" + host + ":" + port;
            this.token = token;
        }

        byte[] bytes(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        void post(String path) throws IOException, InterruptedException {
            // 200 stamped now, 204 nothing new to stamp.
            send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        private byte[] send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 && response.statusCode() != 204) {
                throw new IOException(request.build().uri() + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }
    }
}
