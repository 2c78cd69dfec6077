// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.securityserver.SecurityServerMain;
import picocli.CommandLine;

/** The command line end to end: init, start in a thread, then the admin subcommands. */
class SecurityServerMainTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    /** One run of the command line. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @Test
    void initStartAndAdminCommands() throws Exception {
        Path data = dir.resolve("data");
        Path pinFile = Files.writeString(dir.resolve("pin"), "1234\n");
        Run init = run("init", "--data-dir", data.toString(), "--owner", "DEV/GOV/1001", "--server-code", "SS1",
                "--pin-file", pinFile.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        Matcher token = Pattern.compile("admin token \\(shown only now\\): (zhol_\\S+)").matcher(init.out());
        assertThat(token.find()).isTrue();
        Path config = data.resolve("security-server.yaml");
        assertThat(Files.readString(config)).contains("serverCode").contains("SS1").doesNotContain(token.group(1));
        assertThat(run("init", "--data-dir", data.toString(), "--owner", "DEV/GOV/1001", "--server-code", "SS1")
                .err()).contains("Already initialised");

        StringWriter startOut = new StringWriter();
        Thread server = Thread.ofPlatform().start(() -> SecurityServerMain.commandLine()
                .setOut(new PrintWriter(startOut, true)).setErr(new PrintWriter(new StringWriter(), true))
                .execute("start", "--config", config.toString(), "--set", "listeners.admin.port=0",
                        "--set", "listeners.clientHttp.port=0", "--set", "listeners.clientHttps.port=0",
                        "--set", "listeners.serverProxy.port=0",
                        "--pin-file", pinFile.toString()));
        try {
            String url = "http://127.0.0.1:" + awaitPort(startOut);
            List<String> auth = List.of("--admin-url", url, "--token", token.group(1));

            assertThat(admin(auth, "clients", "add", "DEV/GOV/1001/PROVIDER").out()).contains("added client");
            Run list = admin(auth, "clients", "list", "--json");
            assertThat(list.json().get(0).get("id").asText()).isEqualTo("DEV/GOV/1001/PROVIDER");
            assertThat(admin(auth, "clients", "list").out()).contains("DEV/GOV/1001/PROVIDER").contains("SAVED");

            assertThat(admin(auth, "services", "add", "--client", "DEV/GOV/1001/PROVIDER", "--code", "persons",
                    "--type", "REST", "--url", "http://127.0.0.1:9000/api", "--timeout", "20").exit()).isZero();
            assertThat(admin(auth, "services", "add", "--client", "DEV/GOV/1001/PROVIDER", "--code", "getPerson",
                    "--version", "v1", "--type", "SOAP", "--url", "https://is.example/soap", "--json").json()
                    .get("id").asText()).isEqualTo("DEV/GOV/1001/PROVIDER/getPerson/v1");
            assertThat(admin(auth, "services", "list", "--client", "DEV/GOV/1001/PROVIDER", "--json").json()).hasSize(2);
            assertThat(admin(auth, "services", "list", "--client", "DEV/GOV/1001/PROVIDER").out())
                    .contains("getPerson/v1").contains("persons").contains("20s");

            Run granted = admin(auth, "access", "grant", "--client", "DEV/GOV/1001/PROVIDER", "--service", "persons",
                    "--subject", "DEV/COM/2002/CONSUMER", "--method", "GET", "--path", "/persons/*");
            assertThat(granted.out()).contains("granted persons GET /persons/* -> SUBSYSTEM:DEV/COM/2002/CONSUMER");
            assertThat(admin(auth, "access", "grant", "--client", "DEV/GOV/1001/PROVIDER", "--service", "getPerson",
                    "--subject", "DEV/trusted", "--json").json().get("subjectType").asText()).isEqualTo("GLOBALGROUP");
            assertThat(admin(auth, "access", "list", "--client", "DEV/GOV/1001/PROVIDER", "--json").json()).hasSize(2);
            assertThat(admin(auth, "access", "revoke", "--client", "DEV/GOV/1001/PROVIDER", "--service", "getPerson",
                    "--subject", "DEV/trusted").exit()).isZero();
            assertThat(admin(auth, "access", "list", "--client", "DEV/GOV/1001/PROVIDER", "--service", "getPerson")
                    .out()).contains("no access rights");

            Run unknown = admin(auth, "services", "list", "--client", "DEV/GOV/1001/NOPE");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("UnknownMember");
            Run noToken = run("clients", "list", "--admin-url", url, "--token", "");
            assertThat(noToken.exit()).isEqualTo(1);
            assertThat(noToken.err()).contains("AccessDenied");

            Run generated = admin(auth, "keys", "generate", "--role", "SIGN", "--member", "DEV/GOV/1001",
                    "--label", "signing", "--json");
            assertThat(generated.exit()).as(generated.err()).isZero();
            String keyId = generated.json().get("keyId").asText();
            assertThat(admin(auth, "keys", "generate", "--role", "AUTH").out()).startsWith("generated ");
            assertThat(admin(auth, "keys", "generate", "--role", "SIGN").err()).contains("BadRequest");
            assertThat(admin(auth, "keys", "list").out()).contains(keyId).contains("DEV/GOV/1001").contains("AUTH");
            Path csr = dir.resolve("sign.csr");
            assertThat(admin(auth, "keys", "csr", keyId, "--subject", "CN=1001, O=GOV", "--out", csr.toString())
                    .exit()).isZero();
            assertThat(Files.readString(csr)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
            assertThat(admin(auth, "keys", "import", csr.toString()).err()).contains("IncorrectCertificate");
            Path badAnchor = Files.writeString(dir.resolve("anchor.json"), "{}");
            assertThat(admin(auth, "anchor", "import", badAnchor.toString()).err()).contains("The anchor is refused");

            // No anchor yet: unhealthy, which status reports with exit code 1.
            Run status = admin(auth, "status", "--json");
            assertThat(status.exit()).isEqualTo(1);
            assertThat(status.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(admin(auth, "status").out()).contains("DOWN").contains("database").contains("ok")
                    .contains("configuration-valid").contains("FAILING: no global configuration is held");
        } finally {
            server.interrupt();
            server.join(Duration.ofSeconds(20));
        }
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void startWithoutInitFailsClearly() {
        Run run = run("start", "--set", "dataDir=" + dir);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("MalformedServerConf").contains("init");
    }

    private Run admin(List<String> auth, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(auth);
        return run(all.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static int awaitPort(StringWriter out) throws InterruptedException {
        Pattern admin = Pattern.compile("admin=127\\.0\\.0\\.1:(\\d+)");
        for (int i = 0; i < 300; i++) {
            Matcher m = admin.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start: " + out);
    }
}
