// SPDX-License-Identifier: MIT
package org.zhol.examples.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Predicate;

/** An admin API over HTTP with a token, as an operator's tools call it: JSON in, JSON out. */
final class Api {

    /** An answer: status, text and parsed JSON (missing when empty or not JSON). */
    record Reply(int status, String text, JsonNode json) {
        Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    String base() {
        return base;
    }

    Reply get(String path) throws Exception {
        return call("GET", path, null);
    }

    Reply post(String path, Object body) throws Exception {
        return call("POST", path, body);
    }

    Reply put(String path, Object body) throws Exception {
        return call("PUT", path, body);
    }

    Reply call(String method, String path, Object body) throws Exception {
        byte[] bytes = body == null ? null : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, bytes == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(bytes))
                .header("Authorization", "Bearer " + token);
        if (bytes != null) {
            request.header("Content-Type", "application/json");
        }
        var response = http.send(request.build(), BodyHandlers.ofString());
        String text = response.body();
        JsonNode json;
        try {
            json = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            json = JSON.missingNode();
        }
        return new Reply(response.statusCode(), text, json);
    }

    byte[] bytes(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Polls {@code what} until {@code done} holds, with a generous deadline; each round may first run
     * {@code nudge} (e.g. "download the configuration now"), as an impatient operator would.
     */
    static Reply await(String description, Call what, Predicate<Reply> done, Call nudge) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply last = what.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + description + "; last answer: " + last.text());
            }
            Thread.sleep(100);
            if (nudge != null) {
                nudge.call();
            }
            last = what.call();
        }
        return last;
    }

    /** One call. */
    @FunctionalInterface
    interface Call {
        Reply call() throws Exception;
    }
}
