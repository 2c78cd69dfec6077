// SPDX-License-Identifier: MIT
package org.zhol.examples.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An API the Population Register had before it joined: identity documents by personal code, on the
 * JDK's HTTP server. It knows nothing of X-Road; the only trace of it is that it may log the
 * {@code X-Road-Client} header the security server passes on.
 *
 * <pre>
 * GET /documents/openapi.json      its OpenAPI document
 * GET /documents/{personId}        {"personId": ..., "documents": [{"type": "ID-card", "number": ...}], "askedBy": ...}
 * </pre>
 */
public final class DocumentsApi implements AutoCloseable {

    private static final String OPENAPI = """
            {"openapi": "3.0.3",
             "info": {"title": "Identity documents", "version": "1"},
             "paths": {"/{personId}": {"get": {"operationId": "documentsOf",
               "parameters": [{"name": "personId", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "the person's documents"}}}}}}
            """;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** The API on {@code host:port} (0 = a free port), started. */
    public DocumentsApi(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/documents", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL the security server calls: {@code http://host:port/documents}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/documents");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/documents".length());
            if (!exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 405, "{\"error\":\"only GET\"}");
            } else if (path.equals("/openapi.json")) {
                answer(exchange, 200, OPENAPI);
            } else if (path.matches("/[0-9]{11}")) {
                String id = path.substring(1);
                String askedBy = exchange.getRequestHeaders().getFirst("X-Road-Client");
                answer(exchange, 200, "{\"personId\":\"" + id + "\",\"documents\":[{\"type\":\"ID-card\",\"number\":\"AB"
                        + id.substring(5) + "\"}],\"askedBy\":\"" + (askedBy == null ? "" : askedBy.replace("\"", ""))
                        + "\"}");
            } else {
                answer(exchange, 404, "{\"error\":\"no such document list\"}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
