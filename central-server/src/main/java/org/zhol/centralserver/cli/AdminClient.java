// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls the admin API: one method, a path, an optional JSON body; faults become {@link CliFailure}. */
final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AdminOptions options;
    private final ObjectMapper json;
    private final HttpClient http;

    AdminClient(AdminOptions options, ObjectMapper json) {
        this.options = options;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode get(String path) {
        return call("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    JsonNode delete(String path) {
        return call("DELETE", path, null);
    }

    /** One path segment, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The raw body of a {@code GET}, e.g. the anchor file. */
    byte[] getBytes(String path) {
        return send("GET", path, null);
    }

    private JsonNode call(String method, String path, Object body) {
        byte[] answer = send(method, path, body);
        try {
            return answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
        } catch (IOException e) {
            throw new CliFailure("The admin API answered with invalid JSON: " + e.getMessage());
        }
    }

    private byte[] send(String method, String path, Object body) {
        if (options.token == null || options.token.isBlank()) {
            throw new CliFailure("No API token: pass --token or set ZHOL_TOKEN");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.url.replaceAll("/+$", "") + path))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + options.token)
                    .header("Accept", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                JsonNode fault = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
                throw new CliFailure(response.statusCode() + " " + fault.path("type").asText("Error") + ": "
                        + fault.path("message").asText(""));
            }
            return response.body();
        } catch (IOException e) {
            throw new CliFailure("Cannot reach the admin API at " + options.url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted");
        }
    }
}
