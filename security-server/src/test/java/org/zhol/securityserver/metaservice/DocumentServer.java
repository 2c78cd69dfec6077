// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider information system that serves description documents over real HTTP on loopback (the
 * JDK's server, port chosen at bind time). Each path answers a fixed status, content type and body,
 * with or without {@code Content-Length}, optionally after a delay; it counts the requests it gets.
 */
public final class DocumentServer implements AutoCloseable {

    /** How one path answers. */
    public record Answer(int status, String contentType, byte[] body, boolean chunked, Duration delay) {

        public static Answer ok(String contentType, byte[] body) {
            return new Answer(200, contentType, body, false, Duration.ZERO);
        }

        public Answer streamed() {
            return new Answer(status, contentType, body, true, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, contentType, body, chunked, wait);
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    public DocumentServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public DocumentServer serve(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer a = answers.get(exchange.getRequestURI().getPath());
        try (exchange) {
            if (a == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!a.delay().isZero()) {
                Thread.sleep(a.delay());
            }
            if (a.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
            }
            exchange.sendResponseHeaders(a.status(), a.chunked() ? 0 : (a.body().length == 0 ? -1 : a.body().length));
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a refused or timed-out fetch): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
