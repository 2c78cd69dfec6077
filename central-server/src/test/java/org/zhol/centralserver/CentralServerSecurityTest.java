// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.AdminHttp.Answer;
import org.zhol.centralserver.config.CentralServerConfig;

/**
 * The central server's admin API guards (issue #10): no token, a wrong or revoked token, a read-only token
 * writing or managing tokens, each refused with {@code AccessDenied}; the listener bound to loopback by
 * default and not reachable on another address; and no token or key-store password in any log event of a
 * run that initialises, starts and uses the server with every logger at DEBUG or finer.
 */
@Tag("security")
class CentralServerSecurityTest {

    static final String KEY_STORE_PASSWORD = "Kx-store-secret-5517";
    static final List<CentralServerExtension> PRODUCTION =
            CentralServerMain.extensions(Optional.of(KEY_STORE_PASSWORD));

    @TempDir
    Path dir;

    @Test
    void theAdminApiRefusesNoTokenWrongTokensAndReadOnlyWrites() throws Exception {
        CentralServerConfig config = CentralServerEndToEndTest.config(dir);
        String admin = new CentralServerInit(config, PRODUCTION).initialise("DEV").secret();
        try (CentralServer server = new CentralServer(config, PRODUCTION).start()) {
            AdminHttp api = new AdminHttp(server.ports().get("admin"));
            String reader = api.call("POST", "/tokens", admin, Map.of("name", "reader", "role", "READ_ONLY")).body()
                    .path("token").asText();

            denied(api.call("GET", "/members", null, null), 401);
            denied(api.call("GET", "/members", admin.substring(0, admin.length() - 3) + "abc", null), 401);
            denied(api.call("POST", "/member-classes", null, Map.of("code", "GOV")), 401);
            assertThat(api.call("GET", "/member-classes", reader, null).status()).isEqualTo(200);
            denied(api.call("POST", "/member-classes", reader, Map.of("code", "GOV", "description", "G")), 403);
            denied(api.call("POST", "/tokens", reader, Map.of("name", "mine", "role", "ADMIN")), 403);
            denied(api.call("GET", "/tokens", reader, null), 403);
            assertThat(api.call("GET", "/member-classes", admin, null).body()).isEmpty();

            assertThat(api.call("DELETE", "/tokens/reader", admin, null).status()).isEqualTo(204);
            denied(api.call("GET", "/member-classes", reader, null), 401);
        }
    }

    @Test
    void theAdminApiIsBoundToLoopbackAndCannotBeReachedFromAnotherAddress() throws Exception {
        assertThat(CentralServerConfig.Listeners.DEFAULTS.admin().host()).isEqualTo("127.0.0.1");
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");
        CentralServerConfig config = CentralServerEndToEndTest.config(dir);
        String admin = new CentralServerInit(config, PRODUCTION).initialise("DEV").secret();
        try (CentralServer server = new CentralServer(config, PRODUCTION).start()) {
            int port = server.ports().get("admin");
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 5000))
                        .isInstanceOf(ConnectException.class);
            }
            assertThat(new AdminHttp(port).call("GET", "/members", admin, null).status()).isEqualTo(200);
        }
    }

    @Test
    void noTokenOrKeyStorePasswordAppearsInAnyLogEvent() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(KEY_STORE_PASSWORD));
        ListAppender<ILoggingEvent> logs;
        CentralServerConfig config = CentralServerEndToEndTest.config(dir);
        try (Capture capture = Capture.start()) {
            logs = capture.appender();
            String admin = new CentralServerInit(config, PRODUCTION).initialise("DEV").secret();
            secrets.add(admin);
            try (CentralServer server = new CentralServer(config, PRODUCTION).start()) {
                AdminHttp api = new AdminHttp(server.ports().get("admin"));
                String reader = api.call("POST", "/tokens", admin, Map.of("name", "reader", "role", "READ_ONLY"))
                        .body().path("token").asText();
                String forged = admin.substring(0, admin.length() - 4) + "ZZZZ";
                secrets.addAll(List.of(reader, forged));
                api.call("GET", "/members", reader, null);
                api.call("POST", "/member-classes", reader, Map.of("code", "GOV", "description", "G"));
                api.call("GET", "/members", forged, null);
                api.call("POST", "/member-classes", admin, Map.of("code", "GOV", "description", "G"));
                api.call("DELETE", "/tokens/reader", admin, null);
                api.call("GET", "/members", reader, null);
            }
            try (CentralServer again = new CentralServer(config, PRODUCTION).start()) {
                new AdminHttp(again.ports().get("admin")).call("GET", "/status", admin, null);
            }
        }
        List<String> texts = logs.list.stream().map(CentralServerSecurityTest::everything).toList();
        assertThat(texts).as("the run was logged").anyMatch(t -> t.contains("Central server for instance DEV started"));
        for (String secret : secrets) {
            assertThat(texts).as("log events holding a secret").noneMatch(t -> t.contains(secret));
        }
    }

    private static void denied(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.body().path("type").asText()).isEqualTo("AccessDenied");
    }

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
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
