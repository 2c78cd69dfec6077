// SPDX-License-Identifier: MIT
package org.zhol.examples.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.examples.demo.PersonDirectory;
import org.zhol.examples.devtrust.DevTsa;
import org.zhol.examples.sandbox.AdminClient;
import org.zhol.examples.sandbox.Sandbox;
import org.zhol.examples.sandbox.SandboxConfig;
import org.zhol.examples.sandbox.SandboxGuide;
import org.zhol.examples.sandbox.SandboxPorts;
import org.zhol.examples.sandbox.SandboxState;
import org.zhol.examples.sandbox.SecurityServerNode;
import org.zhol.protocol.evidence.AsicLayout;
import org.zhol.protocol.evidence.EvidenceBatch;
import org.zhol.protocol.evidence.EvidenceRecordVerifier;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.testpki.OpenSsl;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.protocol.verify.ZholVerifyMain;

/**
 * The message log end to end, in the sandbox federation on ports chosen at run time (dev CA with OCSP,
 * dev TSA, central server, SS1 and SS2 set up through the real flows, time-stamping every second):
 * <ul>
 *   <li>after REST and SOAP exchanges, the request and response evidence of both servers is exported
 *       through the admin API (and once through the CLI) with each server's trust snapshot, and every
 *       container passes {@code zhol verify} (exit 0), {@code openssl cms -verify} (the signature over the
 *       manifest, and the checkpoint's) and {@code openssl ts -verify} (the stamped checkpoint's token);
 *       each server logged the checkpoint the other sent with the message;</li>
 *   <li>with a failure period of a few seconds: the TSA down, traffic goes on, then new exchanges fail
 *       with {@code Server.ClientProxy.LoggingFailed.TimestamperFailed}; the TSA back, the backlog is
 *       stamped and exchanges succeed again by themselves.</li>
 * </ul>
 * A missing {@code openssl} fails the test.
 */
class MessageLogEndToEndTest {

    static final String PIN = "e2e-log-pin";
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(300)
    void theEvidenceOfBothServersVerifiesWithZholAndOpenssl() throws Exception {
        SandboxConfig config = new SandboxConfig(dir.resolve("sandbox"), "127.0.0.1", SandboxPorts.EPHEMERAL, PIN);
        try (Sandbox sandbox = Sandbox.create(config)) {
            SandboxState state = sandbox.state();
            // A first exchange, then checkpoints on both servers: the next messages carry them.
            assertThat(rest(state, "e2e-warm-up-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
            for (SecurityServerNode node : List.of(sandbox.ss1(), sandbox.ss2())) {
                assertThat(node.api().post("/messagelog/checkpoints", null).status()).isEqualTo(200);
            }
            String restId = "e2e-rest-" + UUID.randomUUID();
            HttpResponse<String> person = rest(state, restId);
            assertThat(person.statusCode()).as(person.body()).isEqualTo(200);
            String soapId = "e2e-soap-" + UUID.randomUUID();
            HttpResponse<String> soap = soap(state, soapId);
            assertThat(soap.statusCode()).as(soap.body()).isEqualTo(200);
            assertThat(soap.body()).contains("getPersonResponse");

            for (SecurityServerNode node : List.of(sandbox.ss1(), sandbox.ss2())) {
                stampEverything(node);
            }
            assertPeerCheckpointLogged(sandbox.ss2(), restId, "request", Sandbox.SS1.toPath());
            assertPeerCheckpointLogged(sandbox.ss1(), restId, "response", Sandbox.SS2.toPath());

            Path pem = dir.resolve("pem");
            Files.createDirectories(pem);
            Files.writeString(pem.resolve("ca.pem"), TestPki.pem(sandbox.federation().trust().ca().certificate()));
            DevTsa tsa = sandbox.federation().trust().tsa();
            Files.writeString(pem.resolve("tsaroot.pem"), TestPki.pem(tsa.rootCertificate()));
            Files.writeString(pem.resolve("tsa.pem"), TestPki.pem(tsa.certificate()));
            ApprovedTsa approved = new ApprovedTsa("DevTSA", tsa.url(), tsa.certificate());

            int containers = 0;
            for (SecurityServerNode node : List.of(sandbox.ss1(), sandbox.ss2())) {
                Path out = dir.resolve(node.id().serverCode());
                Files.createDirectories(out);
                Path snapshot = out.resolve("trust-snapshot.json");
                Files.write(snapshot, node.api().bytes("/messagelog/trust-snapshot"));
                List<Path> files = new ArrayList<>();
                for (String id : List.of(restId, soapId)) {
                    for (String direction : List.of("request", "response")) {
                        Path file = out.resolve(id + "-" + direction + ".asice");
                        Files.write(file, node.api().bytes("/messagelog/evidence?messageId=" + id + "&direction="
                                + direction));
                        files.add(file);
                    }
                }
                // Once through the CLI as well, with its own trust snapshot.
                Path viaCli = out.resolve("cli-" + restId + "-response.asice");
                Path cliSnapshot = out.resolve("cli-trust-snapshot.json");
                node.cli("messagelog", "export", "--message-id", restId, "--direction", "response", "--out",
                        viaCli.toString());
                node.cli("messagelog", "trust-snapshot", "--out", cliSnapshot.toString());
                assertThat(verify(List.of(viaCli), cliSnapshot)).isZero();
                assertThat(verify(files, snapshot)).isZero();

                for (Path file : files) {
                    checkWithOpenssl(file, pem, approved);
                    containers++;
                }
                String peerFileIn = node == sandbox.ss2() ? "request" : "response";
                assertThat(entries(Files.readAllBytes(out.resolve(restId + "-" + peerFileIn + ".asice"))))
                        .containsKeys(AsicLayout.PEER_CHECKPOINT, AsicLayout.PEER_CHECKPOINT_SIGNATURE);
            }
            assertThat(containers).isEqualTo(8);

            // ./zhol sandbox evidence --last DIR: the last exchange (the SOAP one) from both servers.
            state.write(config.workDir());
            Path last = dir.resolve("last");
            StringWriter cliOut = new StringWriter();
            picocli.CommandLine cli = org.zhol.examples.sandbox.SandboxMain.commandLine();
            cli.setOut(new PrintWriter(cliOut, true)).setErr(new PrintWriter(cliOut, true));
            assertThat(cli.execute("evidence", "--last", last.toString(), "--work-dir", config.workDir().toString()))
                    .as(cliOut.toString()).isZero();
            List<Path> lastFiles = List.of(last.resolve("ss1-request.asice"), last.resolve("ss1-response.asice"),
                    last.resolve("ss2-request.asice"), last.resolve("ss2-response.asice"));
            assertThat(verify(lastFiles, last.resolve("trust-snapshot.json"))).isZero();
            assertThat(new String(entries(Files.readAllBytes(last.resolve("ss2-request.asice"))).get("metadata.xml"),
                    StandardCharsets.UTF_8)).contains(soapId);

            // The auditor's walkthrough (examples/auditor/README.md): a forged copy fails, naming the check.
            Path forged = last.resolve("forged.asice");
            Process tamper = new ProcessBuilder("python3", Path.of("auditor", "tamper.py").toAbsolutePath().toString(),
                    last.resolve("ss2-request.asice").toString(), forged.toString()).redirectErrorStream(true).start();
            String tamperOut = new String(tamper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tamper.waitFor()).as(tamperOut).isZero();
            StringWriter forgedOut = new StringWriter();
            assertThat(ZholVerifyMain.run(new String[] {"verify", forged.toString(), "--trust",
                    last.resolve("trust-snapshot.json").toString()}, new PrintWriter(forgedOut, true),
                    new PrintWriter(forgedOut, true))).isEqualTo(1);
            assertThat(forgedOut.toString()).contains("manifest (InvalidReference)", "metadata.xml",
                    "Verification FAILED.");
        }
    }

    @Test
    @Timeout(300)
    void aTsaOutageStopsTrafficAfterTheFailurePeriodAndTrafficResumesWhenTheBacklogIsStamped() throws Exception {
        SandboxConfig config = new SandboxConfig(dir.resolve("sandbox"), "127.0.0.1", SandboxPorts.EPHEMERAL, PIN);
        try (Sandbox sandbox = Sandbox.create(config, List.of("messageLog.acceptableFailurePeriodSeconds=4",
                "messageLog.retryDelaySeconds=1"))) {
            SandboxState state = sandbox.state();
            assertThat(rest(state, "outage-before-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
            for (SecurityServerNode node : List.of(sandbox.ss1(), sandbox.ss2())) {
                stampEverything(node);
            }

            DevTsa tsa = sandbox.federation().trust().tsa();
            int tsaPort = tsa.port();
            Path tsaDirectory = dir.resolve("sandbox/trust/tsa");
            tsa.close();
            // Traffic continues while the oldest unstamped record is younger than the failure period ...
            String during = "outage-during-" + UUID.randomUUID();
            assertThat(rest(state, during).statusCode()).isEqualTo(200);
            // ... and then stops on the client proxy, whose unstamped records are the oldest.
            HttpResponse<String> refused = awaitResponse(() -> rest(state, "outage-refused-" + UUID.randomUUID()),
                    r -> r.statusCode() != 200);
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.headers().firstValue("X-Road-Error"))
                    .contains("Server.ClientProxy.LoggingFailed.TimestamperFailed");
            Reply health = new Reply(sandbox.ss1().api().get("/health"));
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.text()).contains("timestamping");

            try (DevTsa back = new DevTsa(tsaDirectory, new InetSocketAddress("127.0.0.1", tsaPort))) {
                back.start();
                HttpResponse<String> resumed = awaitResponse(() -> rest(state, "outage-after-" + UUID.randomUUID()),
                        r -> r.statusCode() == 200);
                assertThat(resumed.statusCode()).isEqualTo(200);
                // The record logged during the outage is stamped now, and its evidence verifies.
                JsonNode record = sandbox.ss1().api().get("/messagelog/records?messageId=" + during
                        + "&direction=request").expect(200).json().get(0);
                assertThat(record.path("stamped").asBoolean()).isTrue();
                Path snapshot = dir.resolve("outage-trust.json");
                Path container = dir.resolve("outage-during.asice");
                Files.write(snapshot, sandbox.ss1().api().bytes("/messagelog/trust-snapshot"));
                Files.write(container, sandbox.ss1().api().bytes("/messagelog/evidence?messageId=" + during
                        + "&direction=request"));
                assertThat(verify(List.of(container), snapshot)).isZero();
            }
        }
    }

    /** An admin reply, kept for assertions. */
    private record Reply(int status, String text) {
        Reply(AdminClient.Reply reply) {
            this(reply.status(), reply.text());
        }
    }

    private HttpResponse<String> rest(SandboxState state, String messageId) {
        return send(HttpRequest.newBuilder(URI.create(SandboxGuide.restUrl(state, PersonDirectory.FIRST_ID)))
                .header("X-Road-Client", Sandbox.TAXES.toPath()).header("X-Road-Id", messageId).build());
    }

    private HttpResponse<String> soap(SandboxState state, String messageId) {
        String envelope = SandboxGuide.soapEnvelope(PersonDirectory.FIRST_ID)
                .replaceFirst("<xrd:id>[^<]*</xrd:id>", "<xrd:id>" + messageId + "</xrd:id>");
        return send(HttpRequest.newBuilder(URI.create(SandboxGuide.clientProxy(state) + "/"))
                .header("Content-Type", "text/xml; charset=UTF-8").POST(BodyPublishers.ofString(envelope)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code call} until {@code done} holds for its answer (a condition, with a deadline). */
    private static HttpResponse<String> awaitResponse(Supplier<HttpResponse<String>> call,
            java.util.function.Predicate<HttpResponse<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("never happened; the last answer was " + (last == null ? "none"
                : last.statusCode() + " " + last.headers().firstValue("X-Road-Error").orElse("") + " " + last.body()));
    }

    /** Stamps every record of {@code node}'s log now (if the schedule has not already). */
    private static void stampEverything(SecurityServerNode node) {
        assertThat(node.api().post("/messagelog/timestamps", null).status()).isIn(200, 204);
        JsonNode status = node.api().get("/messagelog").expect(200).json();
        assertThat(status.path("stampedSize").asLong()).as(status.toString()).isEqualTo(status.path("size").asLong());
    }

    private static void assertPeerCheckpointLogged(SecurityServerNode node, String messageId, String direction,
            String peer) {
        JsonNode records = node.api().get("/messagelog/records?messageId=" + messageId + "&direction=" + direction)
                .expect(200).json();
        assertThat(records).hasSize(1);
        JsonNode checkpoint = records.get(0).path("peerCheckpoint");
        assertThat(checkpoint.path("logId").asText()).as(records.toString()).isEqualTo(peer);
        assertThat(checkpoint.path("treeSize").asLong()).isPositive();
        // The newest records, newest first, name it too.
        JsonNode newest = node.api().get("/messagelog/records?last=10").expect(200).json();
        assertThat(newest.findValuesAsText("messageId")).contains(messageId);
        assertThat(newest.get(0).path("leafIndex").asLong()).isGreaterThan(newest.get(1).path("leafIndex").asLong());
    }

    private static int verify(List<Path> containers, Path snapshot) {
        List<String> args = new ArrayList<>(List.of("verify"));
        containers.forEach(c -> args.add(c.toString()));
        args.addAll(List.of("--trust", snapshot.toString()));
        StringWriter out = new StringWriter();
        int status = ZholVerifyMain.run(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(out, true));
        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString()).contains("All " + containers.size() + " verified.");
        return status;
    }

    /**
     * OpenSSL, independently: the CAdES signatures over the manifest and over the stamped checkpoint, and
     * the RFC 3161 token over the evidence-record root that the checkpoint leads to.
     */
    private static void checkWithOpenssl(Path container, Path pem, ApprovedTsa tsa) throws IOException {
        Map<String, byte[]> entries = entries(Files.readAllBytes(container));
        Path work = Files.createTempDirectory(pem, "openssl");
        for (String name : List.of(AsicLayout.MANIFEST, AsicLayout.SIGNATURE, AsicLayout.CHECKPOINT,
                AsicLayout.CHECKPOINT_SIGNATURE, AsicLayout.TIMESTAMP)) {
            assertThat(entries).as(container + " " + name).containsKey(name);
            Files.write(work.resolve(name.substring(name.lastIndexOf('/') + 1)), entries.get(name));
        }
        for (String[] signed : List.of(new String[] {"signature.p7s", "ASiCManifest.xml"},
                new String[] {"checkpoint.p7s", "checkpoint.txt"})) {
            OpenSsl.Result result = OpenSsl.run(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", signed[0],
                    "-content", signed[1], "-CAfile", pem.resolve("ca.pem").toString(), "-purpose", "any",
                    "-out", "/dev/null");
            assertThat(result.exitCode()).as(container + " " + signed[0] + ": " + result.output()).isZero();
            assertThat(result.output()).contains("Verification successful");
        }
        byte[] root = new EvidenceRecordVerifier(new TimestampVerifier(List.of(tsa), Optional.empty()))
                .verify(entries.get(AsicLayout.CHECKPOINT_EVIDENCE_RECORD), EvidenceBatch.checkpointHashes(
                        new SignedCheckpoint(entries.get(AsicLayout.CHECKPOINT),
                                entries.get(AsicLayout.CHECKPOINT_SIGNATURE)))).root();
        OpenSsl.Result token = OpenSsl.run(work, "ts", "-verify", "-digest", HexFormat.of().formatHex(root), "-in",
                "timestamp.tst", "-token_in", "-CAfile", pem.resolve("tsaroot.pem").toString(), "-untrusted",
                pem.resolve("tsa.pem").toString());
        assertThat(token.exitCode()).as(container + " token: " + token.output()).isZero();
        assertThat(token.output()).contains("Verification: OK");
        // The stamped checkpoint covers the record.
        Checkpoint checkpoint = Checkpoint.decode(entries.get(AsicLayout.CHECKPOINT));
        assertThat(checkpoint.treeSize()).isPositive();
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
