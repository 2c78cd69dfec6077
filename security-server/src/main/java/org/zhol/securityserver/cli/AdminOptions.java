// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The options that every admin subcommand shares, and how it prints an answer: the JSON itself with
 * {@code --json}, else lines for people; an error goes to standard error with exit code 1.
 */
public final class AdminOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--admin-url", defaultValue = "http://127.0.0.1:4000",
            description = "The admin API (default: ${DEFAULT-VALUE}).")
    URI adminUrl;

    // Deviation: picocli reads ZHOL_TOKEN here, at the command-line edge, rather than in …Main.
    @Option(names = "--token", defaultValue = "${env:ZHOL_TOKEN}",
            description = "The API token (default: the ZHOL_TOKEN environment variable).")
    String token;

    @Option(names = "--json", description = "Print the API's JSON instead of text.")
    boolean json;

    AdminClient client() {
        return new AdminClient(adminUrl, Optional.ofNullable(token).filter(t -> !t.isBlank()),
                HttpClient.newHttpClient());
    }

    /**
     * Prints an answer: its JSON with {@code --json}, else {@code human} applied to the parsed body.
     *
     * @return the exit code: 0 for 2xx, 1 otherwise
     */
    int print(AdminClient.Response response, PrintWriter out, PrintWriter err, Consumer<JsonNode> human) {
        JsonNode body = parse(response.body());
        if (!response.ok()) {
            String type = body.path("type").asText("HTTP " + response.status());
            err.println("error: " + type + ": " + body.path("message").asText(response.body()));
            if (json) {
                out.println(response.body());
            }
            err.flush();
            out.flush();
            return 1;
        }
        if (json) {
            out.println(body.isMissingNode() ? "{}" : body.toPrettyString());
        } else {
            human.accept(body);
        }
        out.flush();
        return 0;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
