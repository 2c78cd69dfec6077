// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.zhol.securityserver.SecurityServerMain;
import picocli.CommandLine;

/**
 * Secrets never reach the logs (ARCHITECTURE §9): a run of the command line that initialises a server with a
 * PIN, starts it, issues and uses admin and read-only tokens (right, wrong and forged), revokes one, and
 * tries a start with a wrong PIN, all with every logger at DEBUG or finer. Every log event (message,
 * arguments, exceptions and their causes, MDC) and the commands' error output are scanned for the PINs and
 * the tokens.
 */
@Tag("security")
class SecretsInLogsTest {

    static final String PIN = "7391-Pin-Secret-q8";
    static final String WRONG_PIN = "5522-Wrong-Pin-z4";

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final StringBuilder errors = new StringBuilder();

    @Test
    void noPinOrTokenAppearsInAnyLogEventOrErrorOutput() throws Exception {
        Path data = dir.resolve("data");
        Path pinFile = Files.writeString(dir.resolve("pin"), PIN + "\n");
        Path wrongPinFile = Files.writeString(dir.resolve("wrong-pin"), WRONG_PIN + "\n");
        List<String> secrets = new ArrayList<>(List.of(PIN, WRONG_PIN));
        Capture capture = Capture.start();
        ListAppender<ILoggingEvent> logs = capture.appender();
        try {
            String[] init = run("init", "--data-dir", data.toString(), "--owner", "DEV/GOV/1001", "--server-code",
                    "SS1", "--pin-file", pinFile.toString());
            Matcher shown = Pattern.compile("admin token \\(shown only now\\): (zhol_\\S+)").matcher(init[0]);
            assertThat(shown.find()).as(init[0] + init[1]).isTrue();
            String admin = shown.group(1);
            secrets.add(admin);
            Path config = data.resolve("security-server.yaml");

            StringWriter startOut = new StringWriter();
            StringWriter startErr = new StringWriter();
            Thread server = Thread.ofPlatform().start(() -> SecurityServerMain.commandLine()
                    .setOut(new PrintWriter(startOut, true)).setErr(new PrintWriter(startErr, true))
                    .execute("start", "--config", config.toString(), "--set", "listeners.admin.port=0",
                            "--set", "listeners.clientHttp.port=0", "--set", "listeners.clientHttps.port=0",
                            "--set", "listeners.serverProxy.port=0", "--pin-file", pinFile.toString()));
            try {
                String url = "http://127.0.0.1:" + awaitPort(startOut);
                String reader = json.readTree(call(url, "POST", "/tokens", admin,
                        Map.of("name", "reader", "role", "READ_ONLY"), 201)).path("token").asText();
                String spare = json.readTree(call(url, "POST", "/tokens", admin,
                        Map.of("name", "spare", "role", "ADMIN"), 201)).path("token").asText();
                String forged = admin.substring(0, admin.length() - 4) + "XXXX";
                secrets.addAll(List.of(reader, spare, forged));

                call(url, "GET", "/clients", reader, null, 200);
                call(url, "POST", "/clients", reader, Map.of("id", "DEV/GOV/1001/SUB"), 403);
                call(url, "GET", "/clients", forged, null, 401);
                call(url, "POST", "/clients", admin, Map.of("id", "DEV/GOV/1001/SUB"), 201);
                call(url, "DELETE", "/tokens/spare", admin, null, 204);
                call(url, "GET", "/clients", spare, null, 401);
                run("clients", "list", "--admin-url", url, "--token", admin);
                run("clients", "list", "--admin-url", url, "--token", forged);
                run("keys", "generate", "--role", "AUTH", "--admin-url", url, "--token", reader);
                run("keys", "generate", "--role", "AUTH", "--admin-url", url, "--token", admin);
            } finally {
                server.interrupt();
                server.join(Duration.ofSeconds(20));
            }
            errors.append(startErr);
            String[] wrong = run("start", "--config", config.toString(), "--set", "listeners.admin.port=0",
                    "--set", "listeners.clientHttp.port=0", "--set", "listeners.clientHttps.port=0",
                    "--set", "listeners.serverProxy.port=0", "--pin-file", wrongPinFile.toString());
            assertThat(wrong[1]).as("a start with the wrong PIN fails").isNotBlank();
        } finally {
            capture.close();
        }

        List<String> texts = logs.list.stream().map(SecretsInLogsTest::everything).toList();
        assertThat(texts).as("the run was logged").anyMatch(t -> t.contains("security server") && t.contains("started"))
                .anyMatch(t -> t.contains("reader") || t.contains("LoginFailed") || t.contains("PinIncorrect")
                        || t.contains("Configuration download failed"));
        for (String secret : secrets) {
            assertThat(texts).as("log events holding a secret").noneMatch(t -> t.contains(secret));
            assertThat(errors.toString()).as("error output").doesNotContain(secret);
        }
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        cli.execute(args);
        errors.append(err);
        return new String[] {out.toString(), err.toString()};
    }

    private String call(String url, String method, String path, String token, Object body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
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

    /** Every logger at DEBUG (Zhol's at TRACE), all events kept; {@link #close} puts the levels back. */
    record Capture(ListAppender<ILoggingEvent> appender, Level rootBefore, Level zholBefore) implements AutoCloseable {

        static Capture start() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Logger zhol = (Logger) LoggerFactory.getLogger("org.zhol");
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.setContext(root.getLoggerContext());
            appender.start();
            Capture capture = new Capture(appender, root.getLevel(), zhol.getLevel());
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            zhol.setLevel(Level.TRACE);
            return capture;
        }

        @Override
        public void close() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(appender);
            root.setLevel(rootBefore);
            ((Logger) LoggerFactory.getLogger("org.zhol")).setLevel(zholBefore);
            appender.stop();
        }
    }

    /** An event as text: message, formatted message, arguments, MDC, and each exception with its causes. */
    static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getMessage())
                .append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        text.append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                text.append(' ').append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }
}
