// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.MimePart;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.protocol.soap.SoapNamespaces;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.metaservice.DocumentServer;
import org.zhol.securityserver.metaservice.Resources;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;

/**
 * The metaservices end to end on loopback: two real security servers ({@link Federation}; SS1 hosts the
 * consumer, SS2 the provider) over mutual TLS, the consumer IS as the JDK's HTTP client, and a provider
 * IS that serves an OpenAPI document and a WSDL over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaserviceEndToEndTest {

    static final MemberId GOV = MemberId.parse("DEV/GOV/1001");
    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = GOV.subsystem("CONSUMER");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final ServiceId PERSONS = PROVIDER.service("persons");
    static final ServiceId SECRET = PROVIDER.service("secret");
    static final ServiceId GET_RANDOM = ServiceId.of(PROVIDER, "getRandom", "v1");
    static final String REST = "/r1/DEV/COM/2002/PROVIDER/";

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Federation federation;
    Federation.Node ss1;
    DocumentServer is;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        federation = new Federation(dir);
        is = new DocumentServer();
        is.serve("/persons.json", DocumentServer.Answer.ok("application/json", Resources.bytes("openapi.json")));
        is.serve("/secret.json", DocumentServer.Answer.ok("application/json", Resources.bytes("openapi.json")));
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml", Resources.bytes("provider.wsdl")));
        ExchangeConfig exchange = ExchangeConfig.DEFAULTS.withPeerTimeoutSeconds(30);
        ss1 = federation.start(GOV, "SS1", List.of(CONSUMER), Clock.systemUTC(), exchange, Federation.REAL_LOG, c -> c);
        Federation.Node ss2 = federation.start(COM, "SS2", List.of(PROVIDER), Clock.systemUTC(), exchange,
                Federation.REAL_LOG, c -> c);
        var registry = ss2.server.registry();
        registry.addService(described(PERSONS, ServiceType.REST, "/persons.json"));
        registry.addService(described(SECRET, ServiceType.REST, "/secret.json"));
        registry.addService(described(GET_RANDOM, ServiceType.SOAP, "/provider.wsdl"));
        registry.grant(new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("GET", "/persons/{id}")));
        registry.grant(new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("PUT", "/persons/{id}")));
        registry.grant(new AccessRight(PROVIDER, "secret", GOV.subsystem("OTHER"), Endpoint.parse("*", "/vault/**")));
        registry.grant(AccessRight.wholeService(GET_RANDOM, CONSUMER));
        federation.publish();
        federation.awaitHealthy();
    }

    private LocalService described(ServiceId id, ServiceType type, String path) {
        return new LocalService(id, type, URI.create("http://127.0.0.1:9/is"), Optional.of(is.url(path)),
                Duration.ofSeconds(10), true);
    }

    @AfterAll
    void tearDown() {
        http.close();
        is.close();
        federation.close();
    }

    HttpResponse<byte[]> call(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ss1.clientProxy(path))
                .method(method, body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> rest(String path) throws Exception {
        return call("GET", REST + path, new byte[0], "X-Road-Client", "DEV/GOV/1001/CONSUMER");
    }

    @Test
    void listClientsInXmlAndJson() throws Exception {
        HttpResponse<byte[]> xml = call("GET", "/listClients", new byte[0]);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).contains("text/xml; charset=UTF-8");
        String text = new String(xml.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("clientList").contains("id:objectType=\"SUBSYSTEM\"")
                .contains("<id:subsystemCode>PROVIDER</id:subsystemCode>");
        HttpResponse<byte[]> asJson = call("GET", "/listClients?xRoadInstance=DEV", new byte[0], "Accept", "application/json");
        List<String> listed = new ArrayList<>();
        json.readTree(asJson.body()).get("member").forEach(m -> listed.add(m.get("id").get("object_type").asText() + " "
                + m.get("id").get("member_code").asText() + Optional.ofNullable(m.get("id").get("subsystem_code"))
                        .map(s -> "/" + s.asText()).orElse("")));
        assertThat(listed).containsExactly("MEMBER 1001", "SUBSYSTEM 1001/CONSUMER", "MEMBER 2002",
                "SUBSYSTEM 2002/PROVIDER");
    }

    @Test
    void restListsTravelSignedThroughBothServers() throws Exception {
        HttpResponse<byte[]> list = rest("listMethods");
        assertThat(list.statusCode()).as(new String(list.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(list.headers().firstValue("X-Road-Service")).contains("DEV/COM/2002/PROVIDER/listMethods");
        assertThat(list.headers().firstValue("X-Road-Request-Hash")).isPresent();
        List<String> codes = new ArrayList<>();
        json.readTree(list.body()).get("service").forEach(s -> codes.add(s.get("service_code").asText()));
        assertThat(codes).containsExactly("persons", "secret");
        JsonNode allowed = json.readTree(rest("allowedMethods").body()).get("service");
        assertThat(allowed).hasSize(1);
        assertThat(allowed.get(0).get("service_code").asText()).isEqualTo("persons");
        assertThat(allowed.get(0).get("endpoint_list").toString())
                .isEqualTo("[{\"method\":\"GET\",\"path\":\"/persons/{id}\"},{\"method\":\"PUT\",\"path\":\"/persons/{id}\"}]");
    }

    @Test
    void getOpenApiForAnAllowedServiceAndAccessDeniedOtherwise() throws Exception {
        int before = is.requests();
        HttpResponse<byte[]> doc = rest("getOpenAPI?serviceCode=persons");
        assertThat(doc.statusCode()).as(new String(doc.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode tree = json.readTree(doc.body());
        assertThat(tree.get("servers").get(0).get("url").asText()).isEmpty();
        assertThat(tree.get("servers").get(1).get("url").asText()).isEqualTo("/firms/v1");
        assertThat(tree.get("paths")).isEqualTo(new YAMLMapper().readTree(Resources.bytes("openapi.yaml")).get("paths"));
        HttpResponse<byte[]> denied = rest("getOpenAPI?serviceCode=secret");
        assertThat(denied.statusCode()).isEqualTo(500);
        assertThat(denied.headers().firstValue("X-Road-Error")).contains("Server.ServerProxy.AccessDenied");
        assertThat(json.readTree(denied.body()).get("type").asText()).isEqualTo("Server.ServerProxy.AccessDenied");
        assertThat(is.requests()).isEqualTo(before + 1);
    }

    @Test
    void soapGetWsdlArrivesAsAnAttachmentWithTheEndpointHidden() throws Exception {
        SoapHeader header = SoapHeader.request(CONSUMER, PROVIDER.service("getWsdl"), "wsdl-e2e");
        String empty = new String(SoapHeaderCodec.envelope(header, new QName(SoapNamespaces.XROAD, "getWsdl",
                SoapNamespaces.XROAD_PREFIX)), StandardCharsets.UTF_8);
        byte[] request = empty.replaceFirst("<xrd:getWsdl( xmlns:xrd=\"[^\"]*\")?/>", "<xrd:getWsdl>"
                + "<xrd:serviceCode>getRandom</xrd:serviceCode><xrd:serviceVersion>v1</xrd:serviceVersion></xrd:getWsdl>")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = call("POST", "/", request, "Content-Type", "text/xml; charset=UTF-8");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        SoapMultipart message = SoapMultipart.open(ContentType.parse(response.headers().firstValue("Content-Type")
                .orElseThrow()), new ByteArrayInputStream(response.body()), SoapLimits.defaults());
        byte[] envelope = message.root().body().readAllBytes();
        SoapHeader answered = SoapHeaderCodec.readHeader(envelope, SoapLimits.defaults());
        assertThat(answered.withoutRequestHash()).isEqualTo(header);
        assertThat(answered.requestHash()).contains(RequestDigest.of(HashAlgorithm.SHA512, request));
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("getWsdlResponse")
                .contains("<xrd:serviceCode>getRandom</xrd:serviceCode>");
        MimePart wsdl = message.attachments().next().orElseThrow();
        assertThat(new String(wsdl.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("location=\"http://example.org/xroad-endpoint\"").doesNotContain("some-server");
    }
}
