// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.examples.demo.PersonDirectory;

/**
 * The sandbox as a user meets it, in this JVM on ports chosen at run time: {@link Sandbox#create} sets
 * up the whole federation through the real flows; then the examples that {@link SandboxGuide} prints
 * (and the README shows) run against it, with curl as the user runs them and with the JDK's HTTP
 * client for exact checks: the person's JSON with X-Road's response headers, the SOAP getPerson
 * response, listClients, listMethods and getOpenAPI; a call the access rights do not allow is refused.
 * Then the sandbox stops and {@link Sandbox#resume} starts it again from its work directory.
 */
class SandboxEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void theReadmeExamplesWorkAgainstTheSandboxAndItResumes() throws Exception {
        SandboxConfig config = new SandboxConfig(dir, "127.0.0.1", SandboxPorts.EPHEMERAL, "test-pin-1234");
        SandboxState state;
        try (Sandbox sandbox = Sandbox.create(config)) {
            state = sandbox.state();
            state.write(dir);
            assertThat(SandboxState.read(dir)).contains(state);
            String proxy = SandboxGuide.clientProxy(state);

            HttpResponse<String> person = get(SandboxGuide.restUrl(state, PersonDirectory.FIRST_ID));
            assertThat(person.statusCode()).as(person.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(person.body());
            assertThat(json.path("id").asText()).isEqualTo(PersonDirectory.FIRST_ID);
            assertThat(json.path("familyName").asText()).isNotBlank();
            assertThat(person.headers().firstValue("X-Road-Service")).contains("DEV/GOV/1001/REGISTRY/persons");
            assertThat(person.headers().firstValue("X-Road-Client")).contains("DEV/GOV/2002/TAXES");
            assertThat(person.headers().firstValue("X-Road-Request-Hash")).isPresent();

            Path envelope = SandboxGuide.writeSoapExample(dir);
            HttpResponse<String> soap = http.send(HttpRequest.newBuilder(URI.create(proxy + "/"))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(BodyPublishers.ofFile(envelope)).build(), BodyHandlers.ofString());
            assertThat(soap.statusCode()).as(soap.body()).isEqualTo(200);
            assertThat(soap.body()).contains("getPersonResponse").contains("<p:id>" + PersonDirectory.FIRST_ID)
                    .contains("requestHash");

            HttpResponse<String> clients = http.send(HttpRequest.newBuilder(URI.create(proxy + "/listClients"))
                    .header("Accept", "application/json").build(), BodyHandlers.ofString());
            assertThat(clients.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(clients.body()).findValuesAsText("subsystem_code"))
                    .containsExactlyInAnyOrder("TAXES", "REGISTRY");

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(SandboxGuide.restUrl(state,
                    PersonDirectory.FIRST_ID))).header("X-Road-Client", Sandbox.TAXES.toPath())
                    .DELETE().build(), BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.headers().firstValue("X-Road-Error")).contains("Server.ServerProxy.AccessDenied");

            runPrintedExamples(state, envelope);
        }

        try (Sandbox again = Sandbox.resume(config, state)) {
            assertThat(again.state()).isEqualTo(state);
            HttpResponse<String> person = get(SandboxGuide.restUrl(state, PersonDirectory.FIRST_ID));
            assertThat(person.statusCode()).as(person.body()).isEqualTo(200);
            assertThat(JSON.readTree(person.body()).path("id").asText()).isEqualTo(PersonDirectory.FIRST_ID);
        }
    }

    /** Every {@code curl} line of the printed guide, run by bash as a user would paste it. */
    private void runPrintedExamples(SandboxState state, Path envelope) throws Exception {
        String guide = SandboxGuide.text(state, dir, envelope.toString(), 1.0);
        List<String> commands = guide.lines().map(String::strip).filter(l -> l.startsWith("curl ")).toList();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        assertThat(commands.getFirst()).isEqualTo("curl -i -H 'X-Road-Client: DEV/GOV/2002/TAXES' "
                + SandboxGuide.restUrl(state, PersonDirectory.FIRST_ID));
        for (String command : commands) {
            String output = bash(command + " --silent --show-error --fail-with-body");
            assertThat(output).as(command).doesNotContain("\"type\":\"Server.").doesNotContain("faultcode");
            if (command.contains("/persons/" + PersonDirectory.FIRST_ID) && !command.contains("address-changes")) {
                assertThat(output).contains("\"id\":\"" + PersonDirectory.FIRST_ID + "\"").contains("X-Road-Request-Hash");
            } else if (command.contains("getPerson.xml")) {
                assertThat(output).contains("getPersonResponse");
            } else if (command.contains("listClients")) {
                assertThat(output).contains("TAXES");
            } else if (command.contains("address-changes")) {
                assertThat(output).contains("\"newAddress\":\"Pikk 1, Tallinn\"");
            }
        }
    }

    private String bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
        return output;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Road-Client", Sandbox.TAXES.toPath())
                .build(), BodyHandlers.ofString());
    }

    @Test
    void aSecondSandboxInTheSameWorkDirectorySaysSoAndStops() throws Exception {
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(SandboxMain.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            Run run = sandboxMain("--work-dir", dir.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("a sandbox is already running in").doesNotContain("Exception");
            assertThat(held.isValid()).isTrue();
        }
    }

    @Test
    void portsInUseAreNamedWithTheirOption() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Run run = sandboxMain("--work-dir", dir.toString(), "--ocsp-port", String.valueOf(port));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains(port + " (OCSP responder, --ocsp-port)").contains("--random-ports")
                    .contains("--help");
            assertThat(run.err().lines().toList()).hasSize(1);
        }
    }

    @Test
    void aDirectoryThatHoldsSomethingElseIsNeverWiped() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Run run = sandboxMain("--work-dir", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty and holds no sandbox");
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void wipeKeepsOnlyTheLockFile() throws Exception {
        Files.createDirectories(dir.resolve("SS1/keys"));
        Files.writeString(dir.resolve("SS1/keys/a"), "x");
        Files.writeString(dir.resolve(SandboxMain.LOCK_FILE), "");
        Files.writeString(dir.resolve(SandboxState.FILE), "{}");
        SandboxMain.wipe(dir);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly(SandboxMain.LOCK_FILE);
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
