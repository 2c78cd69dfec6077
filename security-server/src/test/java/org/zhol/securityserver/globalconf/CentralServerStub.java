// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * Serves configuration generations at the paths of the central server, over real HTTP on a loopback port,
 * with server-support's {@link HttpServer}. It can be stopped and started again on the same port, and its
 * files can be replaced to simulate tampering.
 */
final class CentralServerStub implements AutoCloseable {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile long latest;
    private HttpServer server;
    private int port;

    CentralServerStub start() {
        server = new HttpServer(HttpServerConfig.plain("cs-stub", "127.0.0.1", port), router(), new ObjectMapper())
                .start();
        port = server.port();
        return this;
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Publishes a generation and points {@code latest} at it. */
    void publish(long generation, GlobalConfFiles generationFiles) {
        put(generation, GlobalConfLayout.DIRECTORY_FILE, generationFiles.directory());
        put(generation, GlobalConfLayout.SIGNATURE_FILE, generationFiles.signature());
        generationFiles.parts().forEach((name, bytes) -> put(generation, name, bytes));
        latest = generation;
    }

    /** Replaces one file of a generation. */
    void put(long generation, String file, byte[] bytes) {
        files.put(GlobalConfLayout.filePath(ConfFixture.INSTANCE, generation, file), bytes);
    }

    private Router router() {
        return Router.builder()
                .get("/v1/{instance}/latest", this::latest)
                .get("/v1/{instance}/{generation}/{file}", this::file)
                .build();
    }

    private HttpResponse latest(HttpRequest request) {
        if (latest == 0 || !request.pathParam("instance").equals(ConfFixture.INSTANCE)) {
            throw notFound();
        }
        return new HttpResponse(200, "text/plain", GlobalConfLayout.encodeLatest(latest), Map.of());
    }

    private HttpResponse file(HttpRequest request) {
        byte[] bytes = files.get(request.path().substring(1));
        if (bytes == null) {
            throw notFound();
        }
        return new HttpResponse(200, GlobalConfLayout.JSON_TYPE, bytes, Map.of());
    }

    private static ZholException notFound() {
        return ZholException.client(ErrorCode.NOT_FOUND, "No such configuration file");
    }
}
