// SPDX-License-Identifier: MIT
package org.zhol.examples.integrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The Tax Board's system asks the Population Register for persons over X-Road's REST protocol (r1),
 * through its own security server's client proxy, with the JDK's {@code HttpClient}.
 *
 * <p>Every call is {@code METHOD {proxy}/r1/{provider subsystem}/{service code}/{path below the
 * service's base URL}} with the header {@code X-Road-Client: {client subsystem}}. Nothing else is
 * needed: the security servers sign, check the access rights, log, and answer with the provider's
 * response plus {@code X-Road-*} headers, or with an X-Road fault ({@code X-Road-Error} and a JSON body).
 *
 * <pre>
 * ./zhol example rest-consumer [CLIENT-PROXY [PERSON-ID]]   # defaults: http://127.0.0.1:8080 49804160004
 * </pre>
 */
public final class RestConsumer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answer.
     *
     * @param status      the HTTP status (the provider's)
     * @param body        the provider's JSON
     * @param xroadId     {@code X-Road-Id}: the message id, the key to the logged evidence
     * @param requestHash {@code X-Road-Request-Hash}: the provider's security server's hash of the request it got
     */
    public record Answer(int status, JsonNode body, String xroadId, String requestHash) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;
    private final String client;

    /**
     * @param clientProxy the security server's client proxy, e.g. {@code http://127.0.0.1:8080}
     * @param client      the calling subsystem, e.g. {@code DEV/GOV/2002/TAXES}
     * @param service     the service's subsystem and code, e.g. {@code DEV/GOV/1001/REGISTRY/persons}
     */
    public RestConsumer(URI clientProxy, String client, String service) {
        this.service = clientProxy.toString().replaceAll("/+$", "") + "/r1/" + service;
        this.client = client;
    }

    /** {@code GET /{id}}: one person. */
    public Answer person(String id) throws IOException, InterruptedException, XRoadFaultException {
        return send(request("/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).GET());
    }

    /** {@code GET /?name=}: persons whose name contains {@code name}. */
    public Answer search(String name) throws IOException, InterruptedException, XRoadFaultException {
        return send(request("/?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET());
    }

    /** {@code POST /{id}/address-changes}: records that a person moved. */
    public Answer changeAddress(String id, String address)
            throws IOException, InterruptedException, XRoadFaultException {
        byte[] body = JSON.writeValueAsBytes(Map.of("address", address));
        return send(request("/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/address-changes")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(service + path)).timeout(Duration.ofSeconds(60))
                .header("X-Road-Client", client).header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException, XRoadFaultException {
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        // A fault of the security servers carries X-Road-Error; the provider's own 4xx/5xx pass through unchanged.
        String fault = response.headers().firstValue("X-Road-Error").orElse(null);
        if (fault != null) {
            throw new XRoadFaultException(fault, response.statusCode(), body.path("message").asText());
        }
        return new Answer(response.statusCode(), body, response.headers().firstValue("X-Road-Id").orElse(""),
                response.headers().firstValue("X-Road-Request-Hash").orElse(""));
    }

    public static void main(String[] args) throws Exception {
        URI proxy = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        String id = args.length > 1 ? args[1] : "49804160004";
        RestConsumer registry = new RestConsumer(proxy, "DEV/GOV/2002/TAXES", "DEV/GOV/1001/REGISTRY/persons");
        try {
            Answer person = registry.person(id);
            System.out.println("GET " + id + ": HTTP " + person.status() + ", X-Road-Id " + person.xroadId());
            System.out.println("  " + person.body());
            String family = person.body().path("familyName").asText();
            Answer found = registry.search(family);
            System.out.println("GET ?name=" + family + ": " + found.body().path("persons").size() + " persons");
            Answer moved = registry.changeAddress(id, "Pikk 1, Tallinn");
            System.out.println("POST address change: HTTP " + moved.status() + ", " + moved.body());
        } catch (XRoadFaultException fault) {
            System.err.println("X-Road fault " + fault.code() + " (HTTP " + fault.status() + "): " + fault.getMessage());
            System.exit(1);
        }
    }
}
