// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.ApprovedTsa;

/** {@link TspClient} over real loopback sockets, against in-test HTTP TSAs. */
class TspClientTest {

    private final TestTsa tsa = TestTsa.create("Client Test TSA");
    private final List<HttpServer> servers = new ArrayList<>();
    private final byte[] digest = TimestampQuery.sha256(new byte[] {1, 2, 3});

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void triesTheApprovedTsasInOrder() {
        URI broken = serve(exchange -> send(exchange, 500, "text/plain", new byte[0]));
        URI good = serve(exchange -> send(exchange, 200, TspClient.REPLY_TYPE,
                tsa.reply(exchange.getRequestBody().readAllBytes())));
        try (TspClient client = client(List.of(approved(broken), approved(good)), TspClientConfig.DEFAULTS)) {
            TimestampToken token = client.stamp(digest);
            assertThat(token.imprintDigest()).isEqualTo(digest);
            assertThat(token.nonce()).isPresent();
        }
    }

    @Test
    void reportsTheLastFailureWhenAllFail() throws IOException {
        URI wrongType = serve(exchange -> send(exchange, 200, "text/html", new byte[] {1}));
        URI closed = closedPort();
        try (TspClient client = client(List.of(approved(wrongType), approved(closed)), TspClientConfig.DEFAULTS)) {
            TimestampVerifierTest.assertCode(() -> client.stamp(digest), "TimestampingFailed.NetworkError");
        }
        try (TspClient client = client(List.of(approved(closed), approved(wrongType)), TspClientConfig.DEFAULTS)) {
            TimestampVerifierTest.assertCode(() -> client.stamp(digest), "TimestampingFailed.InvalidContentType");
        }
    }

    @Test
    void enforcesTheReplySizeLimit() {
        URI huge = serve(exchange -> send(exchange, 200, TspClient.REPLY_TYPE, new byte[4096]));
        TspClientConfig small = new TspClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024);
        try (TspClient client = client(List.of(approved(huge)), small)) {
            TimestampVerifierTest.assertCode(() -> client.stamp(digest), "TimestampingFailed.InvalidResponse");
        }
    }

    @Test
    void refusesAValidTokenOverAnotherDigest() {
        URI lying = serve(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] other = TimestampQuery.withoutNonce(TimestampQuery.sha256(new byte[] {9})).encoded();
            send(exchange, 200, TspClient.REPLY_TYPE, tsa.reply(other));
        });
        try (TspClient client = client(List.of(approved(lying)), TspClientConfig.DEFAULTS)) {
            TimestampVerifierTest.assertCode(() -> client.stamp(digest),
                    "TimestampingFailed.TimestampValidation.InconsistentResponse");
        }
    }

    private TspClient client(List<ApprovedTsa> tsas, TspClientConfig config) {
        return new TspClient(config, new TimestampVerifier(tsas, Optional.of(TestTsa.POLICY)));
    }

    private ApprovedTsa approved(URI url) {
        return tsa.approved(url);
    }

    private URI serve(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/", handler);
            server.start();
            servers.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
