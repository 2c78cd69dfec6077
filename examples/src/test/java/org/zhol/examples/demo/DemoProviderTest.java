// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo provider over real HTTP on a loopback port. */
class DemoProviderTest {

    private static DemoProvider provider;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        provider = new DemoProvider(PersonDirectory.defaults(Clock.systemUTC()), "127.0.0.1", 0).start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + provider.port() + path);
    }

    @Test
    void theReadmePersonIsTheFirstGeneratedOneAndHasAValidPersonalCode() {
        PersonDirectory directory = PersonDirectory.defaults(Clock.systemUTC());
        assertThat(directory.size()).isEqualTo(PersonDirectory.DEFAULT_SIZE);
        assertThat(directory.ids().getFirst()).isEqualTo(PersonDirectory.FIRST_ID);
        for (String id : directory.ids()) {
            assertThat(id).hasSize(11);
            assertThat(id.charAt(10) - '0').isEqualTo(PersonDirectory.checkDigit(id.substring(0, 10)));
        }
    }

    @Test
    void personalCodesFollowTheEstonianCheckDigitRules() {
        // 37605030299 is the standard's published example.
        assertThat(PersonDirectory.checkDigit("3760503029")).isEqualTo(9);
        assertThat(PersonDirectory.personalCode(false, LocalDate.of(1976, 5, 3), 29)).isEqualTo("37605030299");
        assertThat(PersonDirectory.personalCode(true, LocalDate.of(2001, 12, 31), 7)).startsWith("6011231007");
    }

    @Test
    void getsOnePersonAndAnswers404ForAnUnknownId() throws Exception {
        HttpResponse<String> ok = send(HttpRequest.newBuilder(uri("/persons/" + PersonDirectory.FIRST_ID)));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode person = JSON.readTree(ok.body());
        assertThat(person.get("id").asText()).isEqualTo(PersonDirectory.FIRST_ID);
        assertThat(person.get("givenName").asText()).isNotBlank();

        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/persons/00000000000")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("type").asText()).isEqualTo("not_found");
    }

    @Test
    void searchesByName() throws Exception {
        String family = provider.directory().find(PersonDirectory.FIRST_ID).orElseThrow().familyName();
        HttpResponse<String> found = send(HttpRequest.newBuilder(uri("/persons/?name=" + family.substring(0, 2))));
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode persons = JSON.readTree(found.body()).get("persons");
        assertThat(persons.size()).isBetween(1, DemoProvider.MAX_RESULTS);
        persons.forEach(p -> assertThat((p.get("givenName").asText() + " " + p.get("familyName").asText())
                .toLowerCase()).contains(family.substring(0, 2).toLowerCase()));
    }

    @Test
    void recordsAnAddressChangeAndRefusesAMalformedOne() throws Exception {
        String id = provider.directory().ids().get(5);
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/persons/" + id + "/address-changes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"Lossi plats 1a, Tallinn\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("newAddress").asText()).isEqualTo("Lossi plats 1a, Tallinn");
        assertThat(provider.directory().find(id).orElseThrow().address()).isEqualTo("Lossi plats 1a, Tallinn");

        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/persons/" + id + "/address-changes"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"street\":1}")));
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void servesTheOpenApiDocumentAndTheWsdl() throws Exception {
        HttpResponse<String> openApi = send(HttpRequest.newBuilder(uri("/persons/openapi.json")));
        assertThat(JSON.readTree(openApi.body()).at("/paths").has("/{id}")).isTrue();
        HttpResponse<String> wsdl = send(HttpRequest.newBuilder(uri("/soap/persons.wsdl")));
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("<wsdl:operation name=\"getPerson\">");
    }

    @Test
    void answersGetPersonOverSoapEchoingTheXroadHeader() throws Exception {
        String header = "<SOAP-ENV:Header><xrd:client xmlns:xrd=\"http://x-road.eu/xsd/xroad.xsd\" "
                + "xmlns:id=\"http://x-road.eu/xsd/identifiers\" id:objectType=\"SUBSYSTEM\">"
                + "<id:xRoadInstance>DEV</id:xRoadInstance><id:memberClass>GOV</id:memberClass>"
                + "<id:memberCode>2002</id:memberCode><id:subsystemCode>TAXES</id:subsystemCode></xrd:client>"
                + "<xrd:id xmlns:xrd=\"http://x-road.eu/xsd/xroad.xsd\">msg-1</xrd:id></SOAP-ENV:Header>";
        String envelope = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + PersonSoap.SOAP_NS + "\">" + header
                + "<SOAP-ENV:Body><p:getPerson xmlns:p=\"" + PersonSoap.NS + "\"><p:id>" + PersonDirectory.FIRST_ID
                + "</p:id></p:getPerson></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        HttpResponse<String> ok = send(HttpRequest.newBuilder(uri("/soap")).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("<xrd:id xmlns:xrd=\"http://x-road.eu/xsd/xroad.xsd\">msg-1</xrd:id>")
                .contains("<p:id>" + PersonDirectory.FIRST_ID + "</p:id>").contains("getPersonResponse");

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/soap"))
                .POST(HttpRequest.BodyPublishers.ofString(envelope.replace(PersonDirectory.FIRST_ID, "1"))));
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.body()).contains("<faultstring>No person with id '1'</faultstring>");
    }

    @Test
    void refusesADoctypeInSoap() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + PersonSoap.SOAP_NS + "\"><SOAP-ENV:Body>&x;"
                + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/soap"))
                .POST(HttpRequest.BodyPublishers.ofString(xxe)));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("not a well-formed SOAP envelope").doesNotContain("root:");
    }

    @Test
    void digestsABodyFarLargerThanTheSmallRoutesTakeAndKeepsTheConnection() throws Exception {
        long size = (24L << 20) + 123; // 24 MiB and a bit, chunked: far above the 64 KiB of the small routes
        HttpResponse<String> digested = send(HttpRequest.newBuilder(uri("/blobs/digest"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> Blobs.content(size))));
        assertThat(digested.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(digested.body());
        assertThat(answer.get("bytes").asLong()).isEqualTo(size);
        assertThat(answer.get("sha256").asText()).isEqualTo(sha256(Blobs.content(size)));
        // The same client (its pooled connection) still reaches the small routes.
        assertThat(send(HttpRequest.newBuilder(uri("/persons/" + PersonDirectory.FIRST_ID))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void sendsAsManyBytesAsAskedForInThePattern() throws Exception {
        long size = (16L << 20) + 7;
        HttpResponse<java.io.InputStream> blob = HTTP.send(HttpRequest.newBuilder(uri("/blobs/" + size)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(blob.statusCode()).isEqualTo(200);
        assertThat(blob.headers().firstValueAsLong("content-length")).hasValue(size);
        assertThat(sha256(blob.body())).isEqualTo(sha256(Blobs.content(size)));
        HttpResponse<String> empty = send(HttpRequest.newBuilder(uri("/blobs/0")));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void refusesOtherBlobRoutesAndServesItsOpenApiDocument() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/blobs/nothing"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/blobs/digest"))).statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(uri("/blobs/" + (Blobs.MAX_BYTES + 1)))).statusCode())
                .isEqualTo(405);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/blobs/5"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(refused.body()).get("type").asText()).isEqualTo("bad_request");
        HttpResponse<String> openApi = send(HttpRequest.newBuilder(uri("/openapi/blobs.json")));
        assertThat(JSON.readTree(openApi.body()).at("/paths").has("/digest")).isTrue();
    }

    private static String sha256(java.io.InputStream in) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
