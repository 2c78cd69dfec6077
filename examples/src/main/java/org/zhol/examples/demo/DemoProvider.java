// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * The demo provider information system: plain HTTP, no Zhol inside. Its routes, which the sandbox
 * registers as the {@code persons} REST service (base URL {@code http://host:port/persons}), the
 * {@code blobs} REST service (base URL {@code http://host:port/blobs}) and the {@code getPerson} SOAP
 * service:
 *
 * <pre>
 * GET  /persons/openapi.json              the OpenAPI 3 document of the REST service
 * GET  /persons/{id}                      one person, or 404
 * GET  /persons/?name=text                persons whose name contains the text (at most 50)
 * POST /persons/{id}/address-changes      body {"address":"..."}: 201 with the recorded change
 * POST /soap                              SOAP 4.0 getPerson
 * GET  /soap/persons.wsdl                 the WSDL of getPerson
 * POST /blobs/digest                      a body of any size (at most 8 GiB), streamed: {"bytes":N,"sha256":"hex"}
 * GET  /blobs/{bytes}                     that many bytes of a fixed pattern, streamed ({@link Blobs})
 * GET  /openapi/blobs.json                the OpenAPI 3 document of the blobs service
 * </pre>
 *
 * The small routes take bodies up to 64 KiB; the blobs routes stream in constant memory.
 */
public final class DemoProvider implements AutoCloseable {

    /** The most persons a search returns. */
    public static final int MAX_RESULTS = 50;

    private final PersonDirectory directory;
    private final PersonSoap soap;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] openApi = resource("persons-openapi.json");
    private final byte[] wsdl = resource("persons.wsdl");
    private final byte[] blobsOpenApi = resource("blobs-openapi.json");
    private final HttpServer server;

    /** A provider over {@code directory}, listening on {@code host:port} (0 = any free port) once started. */
    public DemoProvider(PersonDirectory directory, String host, int port) {
        this.directory = directory;
        this.soap = new PersonSoap(directory);
        Router router = Router.builder()
                .get("/persons/openapi.json", r -> HttpResponse.json(200, openApi))
                .get("/persons", this::search)
                .get("/persons/{id}", this::person)
                .post("/persons/{id}/address-changes", this::changeAddress)
                .post("/soap", this::soap)
                .get("/soap/persons.wsdl", r -> new HttpResponse(200, "text/xml; charset=UTF-8", wsdl,
                        java.util.Map.of()))
                .get("/openapi/blobs.json", r -> HttpResponse.json(200, blobsOpenApi))
                .build();
        this.server = new HttpServer(HttpServerConfig.plain("demo-provider", host, port)
                .withMaxBodyBytes(64 * 1024), router, json, BlobHandler::new);
    }

    /** Starts listening. */
    public DemoProvider start() {
        server.start();
        return this;
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The register behind it. */
    public PersonDirectory directory() {
        return directory;
    }

    private HttpResponse person(HttpRequest request) throws IOException {
        return directory.find(request.pathParam("id"))
                .map(p -> HttpResponse.json(200, write(personJson(p))))
                .orElseGet(() -> notFound("No person with id '" + request.pathParam("id") + "'"));
    }

    private HttpResponse search(HttpRequest request) {
        String name = request.queryParam("name").orElse("");
        List<Person> found = directory.search(name, MAX_RESULTS);
        ObjectNode result = json.createObjectNode();
        ArrayNode list = result.putArray("persons");
        found.forEach(p -> list.add(personJson(p)));
        return HttpResponse.json(200, write(result));
    }

    private HttpResponse changeAddress(HttpRequest request) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(request.body());
        } catch (IOException e) {
            return error(400, "bad_request", "The body is not JSON");
        }
        JsonNode address = body == null ? null : body.get("address");
        if (address == null || !address.isTextual() || address.asText().isBlank()
                || address.asText().length() > 200) {
            return error(400, "bad_request", "The body must be {\"address\":\"...\"} with 1-200 characters");
        }
        return directory.changeAddress(request.pathParam("id"), address.asText())
                .map(c -> HttpResponse.json(201, write(json.createObjectNode()
                        .put("changeId", c.changeId())
                        .put("personId", c.personId())
                        .put("oldAddress", c.oldAddress())
                        .put("newAddress", c.newAddress())
                        .put("recordedAt", c.recordedAt().toString()))))
                .orElseGet(() -> notFound("No person with id '" + request.pathParam("id") + "'"));
    }

    private HttpResponse soap(HttpRequest request) {
        PersonSoap.Answer answer = soap.answer(request.body());
        return new HttpResponse(answer.status(), "text/xml; charset=UTF-8", answer.envelope(), java.util.Map.of());
    }

    private ObjectNode personJson(Person p) {
        return json.createObjectNode()
                .put("id", p.id())
                .put("givenName", p.givenName())
                .put("familyName", p.familyName())
                .put("birthDate", p.birthDate().toString())
                .put("address", p.address());
    }

    private HttpResponse notFound(String message) {
        return error(404, "not_found", message);
    }

    private HttpResponse error(int status, String type, String message) {
        return HttpResponse.json(status, write(json.createObjectNode().put("type", type).put("message", message)));
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoProvider.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
