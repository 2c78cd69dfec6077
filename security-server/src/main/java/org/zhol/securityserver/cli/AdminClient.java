// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/** Calls the admin API over HTTP with an API token, for the CLI. */
public final class AdminClient {

    /** An answer: the status and the body text (empty for none). */
    public record Response(int status, String body) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A binary answer: the status and the body bytes. */
    public record Download(int status, byte[] body) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    public AdminClient(URI base, Optional<String> token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** A path segment, percent-encoded (codes may contain {@code ?}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A {@code GET} whose answer is kept as bytes, e.g. a file to save. */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).timeout(DOWNLOAD_TIMEOUT).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            java.net.http.HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body());
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot reach the admin API at " + base
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Interrupted", e);
        }
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    private String root() {
        return base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
    }

    private Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).timeout(TIMEOUT)
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            java.net.http.HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot reach the admin API at " + base
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Interrupted", e);
        }
    }
}
