// SPDX-License-Identifier: MIT
package org.zhol.examples.provider;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Offers an existing REST API through a security server, as its operator would with the admin API:
 * <ol>
 * <li>add the service to the providing subsystem: a service code, type {@code REST}, the API's base URL
 * (requests arrive at the base URL plus the path after {@code /r1/{subsystem}/{service code}}) and,
 * optionally, its OpenAPI document for {@code getOpenAPI};</li>
 * <li>grant access rights: to whom, which method, which path below the base URL. Nothing is allowed
 * that is not granted.</li>
 * </ol>
 * The security server needs no restart; consumers find the service at once (the subsystem is registered
 * already, and services are the provider's own business, never published centrally).
 *
 * <pre>
 * ./zhol example expose-rest-api [WORK-DIR]   # against a running ./zhol sandbox (default .zhol-sandbox)
 * </pre>
 */
public final class ExposeRestApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI adminApi;
    private final String token;

    /**
     * @param adminApi the security server's admin API, e.g. {@code http://127.0.0.1:4100}
     * @param token    an admin API token
     */
    public ExposeRestApi(URI adminApi, String token) {
        this.adminApi = adminApi;
        this.token = token;
    }

    /** Adds {@code serviceCode} (REST, at {@code baseUrl}, described by {@code openApiUrl}) to {@code subsystem}. */
    public JsonNode addService(String subsystem, String serviceCode, URI baseUrl, URI openApiUrl)
            throws IOException, InterruptedException {
        return post("/clients/" + subsystem.replace('/', ':') + "/services", Map.of("serviceCode", serviceCode,
                "type", "REST", "url", baseUrl.toString(), "descriptionUrl", openApiUrl.toString()), 201);
    }

    /**
     * Grants {@code consumer} (a subsystem, a member, or a global group) {@code method} on {@code pathPattern}
     * below the base URL of {@code subsystem}'s {@code serviceCode}: {@code *} any method, {@code **} any path,
     * {@code {name}} one path segment.
     */
    public JsonNode grant(String subsystem, String serviceCode, String consumer, String method, String pathPattern)
            throws IOException, InterruptedException {
        return post("/clients/" + subsystem.replace('/', ':') + "/access-rights", Map.of("serviceCode", serviceCode,
                "subject", consumer, "method", method, "path", pathPattern), 201);
    }

    private JsonNode post(String path, Map<String, String> body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(adminApi.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IOException("POST " + path + ": HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Against a running sandbox: starts the documents API, offers it as {@code DEV/GOV/1001/REGISTRY}'s
     * service {@code documents} on SS2 with {@code GET /{personId}} granted to {@code DEV/GOV/2002/TAXES},
     * calls it once through SS1, and keeps the API running until Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        JsonNode sandbox = JSON.readTree(Path.of(args.length > 0 ? args[0] : ".zhol-sandbox", "sandbox.json").toFile());
        String host = sandbox.path("host").asText();
        try (DocumentsApi api = new DocumentsApi(host, 0)) {
            ExposeRestApi ss2 = new ExposeRestApi(URI.create("http://" + host + ":"
                    + sandbox.path("ports").path("ss2").path("admin").asInt()), sandbox.path("ss2Token").asText());
            ss2.addService("DEV/GOV/1001/REGISTRY", "documents", api.baseUrl(), URI.create(api.baseUrl() + "/openapi.json"));
            ss2.grant("DEV/GOV/1001/REGISTRY", "documents", "DEV/GOV/2002/TAXES", "GET", "/{personId}");
            String url = "http://" + host + ":" + sandbox.path("ports").path("ss1").path("clientHttp").asInt()
                    + "/r1/DEV/GOV/1001/REGISTRY/documents/49804160004";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("X-Road-Client", "DEV/GOV/2002/TAXES").build(), BodyHandlers.ofString());
            System.out.println("offered " + api.baseUrl() + " as DEV/GOV/1001/REGISTRY/documents; through SS1:");
            System.out.println("  curl -H 'X-Road-Client: DEV/GOV/2002/TAXES' " + url);
            System.out.println("  HTTP " + answer.statusCode() + " " + answer.body());
            System.out.println("The API runs until Ctrl-C.");
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
    }
}
