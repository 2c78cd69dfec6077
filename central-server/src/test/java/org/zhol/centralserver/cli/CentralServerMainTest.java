// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.CentralServerMain;
import org.zhol.protocol.testpki.TestPki;

/** The command line in this process: init, start in a thread, admin commands with --json and text, stop. */
class CentralServerMainTest {

    /** What one run printed. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return CentralContext.jsonMapper().readTree(out);
        }
    }

    @TempDir
    Path dir;

    @Test
    void initStartAdminCommandsAndStop() throws Exception {
        String data = dir.resolve("data").toString();
        Run init = run("init", "--data-dir", data, "--instance", "DEV", "--json");
        assertThat(init.exit()).as(init.err()).isZero();
        String token = init.json().path("token").asText();
        assertThat(token).startsWith("zhol_");
        Run again = run("init", "--data-dir", data, "--instance", "DEV");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("Already initialised").doesNotContain("zhol_");

        CentralServerMain main = new CentralServerMain(List.of());
        StringWriter startOut = new StringWriter();
        AtomicInteger startExit = new AtomicInteger(-1);
        Thread server = Thread.ofPlatform().start(() -> startExit.set(execute(main, startOut, new StringWriter(),
                "start", "--data-dir", data, "--set", "listeners.admin.port=0", "--set", "listeners.registration.port=0",
                "--set", "listeners.registration.host=127.0.0.1", "--set", "listeners.download.port=0",
                "--set", "listeners.download.host=127.0.0.1")));
        try {
            String url = "http://127.0.0.1:" + adminPort(startOut);
            adminCommands(url, token);
        } finally {
            main.stop();
            server.join(Duration.ofSeconds(20));
        }
        assertThat(startExit.get()).isZero();
        assertThat(startOut.toString()).contains("started in").contains("Stopping");
    }

    private void adminCommands(String url, String token) throws Exception {
        List<String> common = List.of("--url", url, "--token", token);
        assertThat(admin(common, "member-class", "add", "GOV", "--description", "Government", "--json").json()
                .path("code").asText()).isEqualTo("GOV");
        assertThat(admin(common, "member", "add", "GOV", "1", "--name", "Tax Board", "--json").json()
                .path("id").asText()).isEqualTo("DEV/GOV/1");
        assertThat(admin(common, "subsystem", "add", "GOV", "1", "SUB").out()).contains("DEV/GOV/1/SUB");
        assertThat(admin(common, "member", "list", "--json").json()).hasSize(1);
        assertThat(admin(common, "member", "list").out()).contains("DEV/GOV/1").contains("Tax Board").contains("SUB");
        admin(common, "group", "add", "owners", "--description", "Owners");
        assertThat(admin(common, "group", "add-member", "owners", "DEV/GOV/1/SUB", "--json").json().path("members"))
                .hasSize(1);
        TestPki.Issuer root = TestPki.rootCa("CN=CLI Root");
        Path ca = Files.writeString(dir.resolve("ca.pem"), TestPki.pem(root.certificate()));
        Path tsa = Files.writeString(dir.resolve("tsa.pem"), TestPki.pem(root.issue(TestPki.Spec.tsa("CN=CLI TSA"),
                TestPki.ecKeyPair().getPublic())));
        assertThat(admin(common, "ca", "add", "--name", "CliCA", "--cert", ca.toString(), "--profile", "org.zhol.profile.Dev",
                "--ocsp-url", "http://127.0.0.1:1/ocsp").out()).contains("Approved CA CliCA");
        assertThat(admin(common, "tsa", "add", "--name", "CliTSA", "--tsa-url", "http://127.0.0.1:1/tsa", "--cert",
                tsa.toString(), "--json").json().path("name").asText()).isEqualTo("CliTSA");
        assertThat(admin(common, "ca", "list").out()).contains("CN=CLI Root");
        assertThat(admin(common, "params", "set", "--configuration-expiry", "900", "--json").json()
                .path("configurationExpirySeconds").asLong()).isEqualTo(900);
        String reader = admin(common, "token", "create", "reader", "--role", "read-only", "--json").json()
                .path("token").asText();
        assertThat(admin(common, "token", "list").out()).contains("reader").contains("READ_ONLY").doesNotContain("zhol_");
        Run refused = run("member", "add", "GOV", "2", "--name", "x", "--url", url, "--token", reader);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("403").contains("AccessDenied");
        admin(common, "token", "revoke", "reader");
        Run duplicate = run("member", "add", "GOV", "1", "--name", "x", "--url", url, "--token", token);
        assertThat(duplicate.err()).contains("409 InvalidRequest");
        JsonNode status = admin(common, "status", "--json").json();
        assertThat(status.path("instance").asText()).isEqualTo("DEV");
        assertThat(status.path("members").asInt()).isEqualTo(1);
        assertThat(status.path("approvedCas").asInt()).isEqualTo(1);
        assertThat(run("status", "--url", url, "--token", "").err()).contains("No API token");
    }

    private static int adminPort(StringWriter out) throws InterruptedException {
        Pattern admin = Pattern.compile("admin\\s+127\\.0\\.0\\.1:(\\d+)");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = admin.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("start printed no admin port: " + out);
    }

    private static Run admin(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        Run run = run(all.toArray(String[]::new));
        assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = execute(new CentralServerMain(List.of()), out, err, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void startParsesWithACommandLineOfItsOwn() {
        CentralServerMain main = new CentralServerMain(List.of());
        assertThat(main.commandLine("start", "--data-dir", "x").getSubcommands()).containsOnlyKeys("start");
        assertThat(main.commandLine("member", "list").getSubcommands()).containsKeys("init", "start", "member");
        StringWriter err = new StringWriter();
        assertThat(execute(main, new StringWriter(), err, "start", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'")
                .contains("Usage: zhol-central start");
    }

    @Test
    void startWithPlainOptionsFailsAsTheCommandLineDoes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CentralServerMain(List.of()).execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "start", "--data-dir", dir.resolve("never-initialised").toString(), "--set", "listeners.admin.port=0");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("MalformedServerConf")
                .contains("run 'init' first");
        assertThat(out.toString()).isEmpty();
    }

    /** Runs {@code args} as {@code main} does. */
    private static int execute(CentralServerMain main, StringWriter out, StringWriter err, String... args) {
        try {
            return main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
