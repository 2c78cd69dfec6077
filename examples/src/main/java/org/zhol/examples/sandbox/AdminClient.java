// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * A Zhol admin API (central server or security server) over HTTP with a bearer token, as an operator's
 * tools call it: JSON in, JSON out.
 */
public final class AdminClient {

    /** How long one call may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param text   the body as text
     * @param json   the body as JSON; a missing node when empty or not JSON
     */
    public record Reply(int status, String text, JsonNode json) {

        /**
         * This reply when its status is {@code expected}.
         *
         * @throws ZholException {@code HttpError} naming both statuses and the body otherwise
         */
        public Reply expect(int expected) {
            if (status != expected) {
                throw ZholException.of(ErrorCode.HTTP_ERROR, Origin.PEER_SERVER,
                        "expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient http;

    /** A client of the admin API at {@code http://127.0.0.1:port}. */
    public AdminClient(int port, String token) {
        this("http://127.0.0.1:" + port, token);
    }

    /** A client of the admin API at {@code base} (no trailing slash). */
    public AdminClient(String base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The base URL. */
    public String base() {
        return base;
    }

    /** The token, for the command line. */
    public String token() {
        return token;
    }

    public Reply get(String path) {
        return call("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return call("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return call("PUT", path, body);
    }

    /**
     * One call; {@code body} is raw bytes, or an object written as JSON, or null for none.
     *
     * @throws ZholException {@code NetworkError} when the server cannot be reached
     */
    public Reply call(String method, String path, Object body) {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                .method(method, bytes == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(bytes))
                .header("Authorization", "Bearer " + token);
        if (bytes != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = send(request, method + " " + path);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (IOException e) {
            json = JSON.missingNode();
        }
        return new Reply(response.statusCode(), text, json);
    }

    /**
     * The body of a {@code GET} answered with 200, as bytes (an anchor, an evidence container).
     *
     * @throws ZholException {@code HttpError} for another status
     */
    public byte[] bytes(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token), "GET " + path);
        if (response.statusCode() != 200) {
            throw ZholException.of(ErrorCode.HTTP_ERROR, Origin.PEER_SERVER, "GET " + path + ": HTTP "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ZholException(FaultCode.of(ErrorCode.NETWORK_ERROR), Origin.PEER_SERVER,
                    what + " at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, what + " was interrupted", e);
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write JSON", e);
        }
    }

    /**
     * Polls {@code what} until {@code done} holds, at most {@code timeout}; each round after the first may
     * run {@code nudge} first (e.g. "download the configuration now"), as an impatient operator would.
     *
     * @throws ZholException {@code InternalError} naming {@code description} and the last answer on timeout
     */
    public static Reply await(String description, Duration timeout, Call what, Predicate<Reply> done, Call nudge) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = what.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Timed out waiting for " + description
                        + "; last answer: " + last.text(), null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Interrupted waiting for " + description, e);
            }
            if (nudge != null) {
                nudge.call();
            }
            last = what.call();
        }
        return last;
    }

    /** One call to poll. */
    @FunctionalInterface
    public interface Call {
        Reply call();
    }
}
