// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.exchange.ClientRequest;
import org.zhol.securityserver.exchange.ClientRequestHandler;
import org.zhol.server.config.ListenerConfig;

/** The IS-facing listener over real HTTP on loopback: streaming both ways, keep-alive, limits and timeouts. */
class ClientHttpListenerTest {

    private static final long BIG = 64L * 1024 * 1024;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        http.close();
    }

    private ClientHttpListener listen(ClientHttpLimits limits, ClientRequestHandler handler) {
        ClientHttpListener listener = new ClientHttpListener(ClientHttpConfig.plain("clientHttp",
                new ListenerConfig("127.0.0.1", 0)).withLimits(limits), handler).start();
        open.add(listener);
        return listener;
    }

    private ClientHttpListener listen(ClientRequestHandler handler) {
        return listen(ClientHttpLimits.DEFAULTS, handler);
    }

    private static URI uri(ClientHttpListener listener, String path) {
        return URI.create("http://127.0.0.1:" + listener.port() + path);
    }

    /** Answers with the number of body bytes and their SHA-256, after {@code beforeReading}. */
    private static ClientRequestHandler digesting(Runnable beforeReading, AtomicLong consumed) {
        return (request, responder) -> {
            beforeReading.run();
            try (InputStream body = request.body()) {
                MessageDigest digest = Streams.sha256();
                byte[] buffer = new byte[32 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    consumed.addAndGet(n);
                }
                byte[] answer = (consumed.get() + " " + HexFormat.of().formatHex(digest.digest()))
                        .getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = responder.respond(200, List.of(new HttpHeader("Content-Type", "text/plain"),
                        new HttpHeader("Content-Length", String.valueOf(answer.length))))) {
                    out.write(answer);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    void aLargeUploadStreamsToTheHandlerWithBackPressure() throws Exception {
        AtomicLong consumed = new AtomicLong();
        AtomicLong produced = new AtomicLong();
        AtomicLong aheadWhileNotReading = new AtomicLong(-1);
        ClientHttpListener listener = listen(digesting(() -> {
            Streams.awaitStable(produced);
            aheadWhileNotReading.set(produced.get());
        }, consumed));
        Streams.Generated upload = new Streams.Generated(7, BIG, produced);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(listener, "/r1/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> upload)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(BIG + " " + HexFormat.of().formatHex(Streams.expectedDigest(7, BIG)), response.body());
        assertTrue(aheadWhileNotReading.get() < 32L * 1024 * 1024,
                "the IS could send only a bounded amount before the handler read: " + aheadWhileNotReading.get());
    }

    @Test
    void aLargeChunkedDownloadStreamsFromTheHandler() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> {
            try (OutputStream out = responder.respond(200, List.of(new HttpHeader("Content-Type",
                    "application/octet-stream")))) {
                new Streams.Generated(9, BIG, new AtomicLong()).transferTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri(listener, "/r1/download")).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""));
        MessageDigest digest = Streams.sha256();
        try (InputStream in = new DigestInputStream(response.body(), digest)) {
            assertEquals(BIG, in.transferTo(OutputStream.nullOutputStream()));
        }
        assertArrayEquals(Streams.expectedDigest(9, BIG), digest.digest());
    }

    @Test
    void theRequestReachesTheHandlerAsReceived() throws Exception {
        List<ClientRequest> seen = new CopyOnWriteArrayList<>();
        ClientHttpListener listener = listen((request, responder) -> {
            seen.add(request);
            try (OutputStream out = responder.respond(204, List.of(new HttpHeader("X-Road-Id", "abc"),
                    new HttpHeader("Connection", "close-me-not")))) {
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(listener,
                "/r1/DEV/GOV/1001/SUB/svc/a%20b?q=1&r=%C3%A4")).header("X-Road-Client", "DEV/COM/2002/C")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(204, response.statusCode());
        assertEquals("abc", response.headers().firstValue("x-road-id").orElseThrow());
        assertTrue(response.headers().firstValue("connection").isEmpty(), "framing headers belong to the listener");
        ClientRequest request = seen.getFirst();
        assertEquals("DELETE", request.method());
        assertEquals("/r1/DEV/GOV/1001/SUB/svc/a%20b?q=1&r=%C3%A4", request.uri());
        assertTrue(request.headers().stream().anyMatch(h -> h.is("x-road-client") && h.value().equals("DEV/COM/2002/C")));
        assertEquals(false, request.tls());
        assertEquals(List.of(), request.clientCertificates());
    }

    @Test
    void sequentialRequestsReuseTheConnection() throws Exception {
        List<InetSocketAddress> remotes = new CopyOnWriteArrayList<>();
        ClientHttpListener listener = listen((request, responder) -> {
            remotes.add(request.remote());
            Streams.answer(responder, 200, "ok");
        });

        for (int i = 0; i < 3; i++) {
            assertEquals("ok", http.send(HttpRequest.newBuilder(uri(listener, "/r1/" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }

        assertEquals(1, remotes.stream().map(InetSocketAddress::getPort).distinct().count(), remotes.toString());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> Streams.answer(responder, 200, request.uri()));

        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            int first = all.indexOf("/first");
            int second = all.indexOf("/second");
            int third = all.indexOf("/third");
            assertTrue(first > 0 && second > first && third > second, all);
        }
    }

    @Tag("security")
    @Test
    void aTooLongRequestLineIs414WithARestError() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> Streams.answer(responder, 200, "unexpected"));

        String answer = Streams.raw(listener.port(), "GET /" + "a".repeat(ClientHttpLimits.DEFAULT_REQUEST_LINE)
                + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 414 "), answer);
        assertTrue(answer.contains("X-Road-Error: Client.BadRequest"), answer);
        assertTrue(answer.contains("\"type\":\"Client.BadRequest\""), answer);
    }

    @Tag("security")
    @Test
    void tooLargeOrTooManyHeadersAre431() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> Streams.answer(responder, 200, "unexpected"));

        String large = Streams.raw(listener.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000)
                + "\r\n\r\n");
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 200; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        String tooMany = Streams.raw(listener.port(), many.append("\r\n").toString());

        assertTrue(large.startsWith("HTTP/1.1 431 "), large);
        assertTrue(tooMany.startsWith("HTTP/1.1 431 "), tooMany);
        assertTrue(tooMany.contains("more than 200 header fields"), tooMany);
    }

    @Test
    void anIdleConnectionIsClosedWithoutAnAnswer() throws Exception {
        AtomicLong calls = new AtomicLong();
        ClientHttpListener listener = listen(ClientHttpLimits.DEFAULTS.withTimeouts(Duration.ofMillis(300),
                Duration.ofSeconds(60)), (request, responder) -> {
                    calls.incrementAndGet();
                    Streams.answer(responder, 200, "first");
                });

        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = readResponse(socket.getInputStream(), "first".length());

            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("first"), first);
            assertEquals(-1, socket.getInputStream().read(), "the idle keep-alive connection closed, no answer");
        }
        assertEquals(1, calls.get());
    }

    /** One response whose body has {@code bodyLength} bytes, read without waiting for the connection's end. */
    private static String readResponse(InputStream in, int bodyLength) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return text + new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
    }

    /**
     * Slowloris: a head sent one byte at a time never reaches the handler and is answered 408 once the header
     * timeout has passed since the connection opened, however steadily the bytes come; meanwhile the listener
     * serves other connections.
     */
    @Tag("security")
    @Test
    void aHeadTricklingInByteByByteIs408WhileOthersAreServed() throws Exception {
        AtomicLong slowCalls = new AtomicLong();
        ClientHttpListener listener = listen(ClientHttpLimits.DEFAULTS.withTimeouts(Duration.ofMillis(500),
                Duration.ofSeconds(60)), (request, responder) -> {
                    if (request.uri().startsWith("/slow")) {
                        slowCalls.incrementAndGet();
                    }
                    Streams.answer(responder, 200, "served");
                });
        AtomicBoolean trickling = new AtomicBoolean(true);
        try (Socket slow = new Socket("127.0.0.1", listener.port())) {
            slow.setSoTimeout(20_000);
            OutputStream out = slow.getOutputStream();
            byte[] head = ("GET /slow HTTP/1.1\r\nHost: x\r\nX-Padding: " + "p".repeat(100_000))
                    .getBytes(StandardCharsets.US_ASCII);
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < head.length && trickling.get(); i++) {
                        out.write(head[i]);
                        out.flush();
                        Thread.sleep(2);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection
                }
            });
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> other = http.send(HttpRequest.newBuilder(uri(listener, "/other/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("served", other.body());
            }

            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            trickling.set(false);
            trickler.join(Duration.ofSeconds(20));

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("X-Road-Error: Client.BadRequest"), answer);
        }
        assertEquals(0, slowCalls.get());
    }

    @Tag("security")
    @Test
    void aStalledBodyFailsTheHandlersReadAndClosesTheConnection() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        ClientHttpListener listener = listen(ClientHttpLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(30),
                Duration.ofMillis(300)), (request, responder) -> {
                    try {
                        request.body().readAllBytes();
                        Streams.answer(responder, 200, "unexpected");
                    } catch (IOException e) {
                        failures.add(e.getMessage());
                        Streams.answer(responder, 400, "stalled");
                    }
                });

        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
        }
        Poll.until(() -> !failures.isEmpty(), "the handler sees the stall");
        assertTrue(failures.getFirst().contains("stalled"), failures.toString());
    }

    @Test
    void anEarlyAnswerReachesAnIsThatIsStillUploading() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> {
            try {
                request.body().readNBytes(1024);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Streams.answer(responder, 413, "too large");
        });

        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /r1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread uploader = Thread.ofVirtual().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    for (int i = 0; i < 1000; i++) {
                        out.write(chunk);
                    }
                } catch (IOException closedByServer) {
                    // expected once the server gives up reading
                }
            });
            byte[] head = socket.getInputStream().readNBytes(12);
            uploader.join(Duration.ofSeconds(30));

            assertEquals("HTTP/1.1 413", new String(head, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aFailingHandlerGivesA500RestError() throws Exception {
        ClientHttpListener listener = listen((request, responder) -> {
            throw new IllegalStateException("bug");
        });

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(listener, "/r1/x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(500, response.statusCode());
        assertEquals("Server.ClientProxy.InternalError", response.headers().firstValue("x-road-error").orElseThrow());
    }

    @Tag("security")
    @Test
    void overTheConcurrencyLimitIs503() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ClientHttpListener listener = listen(new ClientHttpLimits(ClientHttpLimits.DEFAULT_REQUEST_LINE, 64 * 1024, 200,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1), (request, responder) -> {
                    entered.countDown();
                    try {
                        proceed.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Streams.answer(responder, 200, "first");
                });
        var first = http.sendAsync(HttpRequest.newBuilder(uri(listener, "/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(30, TimeUnit.SECONDS));

        String busy = Streams.raw(listener.port(), "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
        proceed.countDown();

        assertTrue(busy.startsWith("HTTP/1.1 503 "), busy);
        assertEquals("first", first.get(30, TimeUnit.SECONDS).body());
    }
}
