// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.MimePart;
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
 * The metaservices through two security servers' exchange logic ({@link ExchangeWorld}: real tokens,
 * signatures, OCSP and registries): listClients answered by the consumer's client proxy; the REST and
 * SOAP metaservices signed, sent, answered by the provider's server proxy from its registry, signed back
 * and checked (request hash included) by the client proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaserviceExchangeTest {

    static final String PREFIX = "/r1/DEV/COM/2002/PROVIDER/";
    static final ServiceId PERSONS = ExchangeWorld.PROVIDER.service("persons");
    static final ServiceId SECRET = ExchangeWorld.PROVIDER.service("secret");
    static final ServiceId GET_RANDOM = ServiceId.of(ExchangeWorld.PROVIDER, "getRandom", "v1");

    final ObjectMapper json = new ObjectMapper();
    ExchangeWorld world;
    DocumentServer is;

    @BeforeAll
    void setUp(@TempDir Path dir) {
        world = new ExchangeWorld(dir, ExchangeConfig.DEFAULTS.withMaxBodyBytes(4 << 20).withPeerTimeoutSeconds(20));
        is = new DocumentServer();
        is.serve("/persons.yaml", DocumentServer.Answer.ok("application/x-yaml", Resources.bytes("openapi.yaml")));
        is.serve("/secret.yaml", DocumentServer.Answer.ok("application/x-yaml", Resources.bytes("openapi.yaml")));
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml", Resources.bytes("provider.wsdl")));
        world.ss1.registry.addClient(ExchangeWorld.CONSUMER);
        var registry = world.ss2.registry;
        registry.addClient(ExchangeWorld.PROVIDER);
        registry.addService(service(PERSONS, ServiceType.REST, "/persons.yaml"));
        registry.addService(service(SECRET, ServiceType.REST, "/secret.yaml"));
        registry.addService(service(GET_RANDOM, ServiceType.SOAP, "/provider.wsdl"));
        registry.grant(new AccessRight(PERSONS.provider(), "persons", ExchangeWorld.CONSUMER,
                Endpoint.parse("GET", "/persons/{id}")));
        registry.grant(new AccessRight(SECRET.provider(), "secret", ExchangeWorld.GOV.subsystem("OTHER"),
                Endpoint.parse("POST", "/vault")));
        registry.grant(AccessRight.wholeService(GET_RANDOM, ExchangeWorld.CONSUMER));
    }

    private LocalService service(ServiceId id, ServiceType type, String description) {
        return new LocalService(id, type, java.net.URI.create("http://127.0.0.1:9/is"), Optional.of(is.url(description)),
                Duration.ofSeconds(5), true);
    }

    @AfterAll
    void tearDown() {
        is.close();
        world.close();
    }

    @Test
    void listClientsIsAnsweredByTheClientProxy() throws Exception {
        CapturingResponder r = call("GET", "/listClients", List.of(new HttpHeader("Accept", "application/json")), new byte[0]);
        assertThat(r.status).isEqualTo(200);
        assertThat(r.closed).isTrue();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body.size()));
        List<String> ids = new ArrayList<>();
        json.readTree(r.body.toByteArray()).get("member").forEach(m -> ids.add(m.get("id").get("object_type").asText()
                + " " + m.get("id").get("member_code").asText() + " " + m.get("name").asText()));
        assertThat(ids).containsExactly("MEMBER 1001 Gov", "SUBSYSTEM 1001 Gov", "MEMBER 2002 Com", "SUBSYSTEM 2002 Com");
        CapturingResponder xml = call("GET", "/listClients?xRoadInstance=DEV", List.of(), new byte[0]);
        assertThat(xml.header("Content-Type")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(new String(xml.body.toByteArray(), StandardCharsets.UTF_8)).contains("clientList")
                .contains("<id:subsystemCode>PROVIDER</id:subsystemCode>");
    }

    @Test
    void listClientsNeedsAValidConfiguration() {
        world.conf.expire(true);
        try {
            CapturingResponder r = call("GET", "/listClients", List.of(), new byte[0]);
            assertThat(r.status).isEqualTo(500);
            assertThat(new String(r.body.toByteArray(), StandardCharsets.UTF_8))
                    .contains("Server.ClientProxy.OutdatedGlobalConf");
        } finally {
            world.conf.expire(false);
        }
    }

    @Test
    void restListAndAllowedMethodsTravelSigned() throws Exception {
        CapturingResponder list = call("GET", PREFIX + "listMethods", rest(), new byte[0]);
        assertThat(list.status).as(list.body.toString()).isEqualTo(200);
        assertThat(list.header("X-Road-Service")).isEqualTo("DEV/COM/2002/PROVIDER/listMethods");
        assertThat(list.header("X-Road-Request-Hash")).isNotBlank();
        assertThat(codes(list)).containsExactly("persons", "secret");
        CapturingResponder allowed = call("GET", PREFIX + "allowedMethods", rest(), new byte[0]);
        JsonNode services = json.readTree(allowed.body.toByteArray()).get("service");
        assertThat(services).hasSize(1);
        assertThat(services.get(0).get("service_code").asText()).isEqualTo("persons");
        assertThat(services.get(0).get("service_type").asText()).isEqualTo("OPENAPI");
        assertThat(services.get(0).get("endpoint_list").get(0).get("path").asText()).isEqualTo("/persons/{id}");
    }

    @Test
    void getOpenApiForAnAllowedServiceOnly() throws Exception {
        int before = is.requests();
        CapturingResponder r = call("GET", PREFIX + "getOpenAPI?serviceCode=persons", rest(), new byte[0]);
        assertThat(r.status).as(r.body.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-yaml");
        JsonNode doc = new YAMLMapper().readTree(r.body.toByteArray());
        assertThat(doc.get("servers").get(1).get("url").asText()).isEqualTo("/firms/v1");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Firm listing");
        CapturingResponder denied = call("GET", PREFIX + "getOpenAPI?serviceCode=secret", rest(), new byte[0]);
        assertThat(denied.header("X-Road-Error")).isEqualTo("Server.ServerProxy.AccessDenied");
        assertThat(is.requests()).isEqualTo(before + 1);
    }

    @Test
    void otherMethodsAreOrdinaryCallsToAReservedCode() {
        CapturingResponder r = call("POST", PREFIX + "listMethods", rest("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.header("X-Road-Error")).isEqualTo("Server.ServerProxy.UnknownService");
    }

    @Test
    void soapListMethodsAndGetWsdl() throws Exception {
        CapturingResponder list = call("POST", "/", soap(), envelope("listMethods", ""));
        assertThat(list.status).as(list.body.toString()).isEqualTo(200);
        String text = new String(list.body.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).contains("listMethodsResponse").contains("<id:serviceCode>getRandom</id:serviceCode>")
                .contains("requestHash").doesNotContain("persons");

        CapturingResponder wsdl = call("POST", "/", soap(), envelope("getWsdl",
                "<xrd:serviceCode>getRandom</xrd:serviceCode><xrd:serviceVersion>v1</xrd:serviceVersion>"));
        assertThat(wsdl.status).as(wsdl.body.toString()).isEqualTo(200);
        SoapMultipart message = SoapMultipart.open(ContentType.parse(wsdl.header("Content-Type")),
                new ByteArrayInputStream(wsdl.body.toByteArray()), SoapLimits.defaults());
        SoapHeader header = SoapHeaderCodec.readHeader(message.root().body().readAllBytes(), SoapLimits.defaults());
        assertThat(header.requestHash()).isPresent();
        MimePart attachment = message.attachments().next().orElseThrow();
        String document = new String(attachment.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(document).contains("http://example.org/xroad-endpoint").doesNotContain("some-server");
    }

    private CapturingResponder call(String method, String uri, List<HttpHeader> headers, byte[] body) {
        CapturingResponder responder = new CapturingResponder();
        world.ss1.clientProxy.handle(new ClientRequest(method, uri, headers, new InetSocketAddress("127.0.0.1", 40000),
                false, List.of(), new ByteArrayInputStream(body)), responder);
        return responder;
    }

    private static List<HttpHeader> rest(String... more) {
        List<HttpHeader> headers = new ArrayList<>(List.of(new HttpHeader("X-Road-Client", "DEV/GOV/1001/CONSUMER")));
        for (int i = 0; i < more.length; i += 2) {
            headers.add(new HttpHeader(more[i], more[i + 1]));
        }
        return headers;
    }

    private static List<HttpHeader> soap() {
        return List.of(new HttpHeader("Content-Type", "text/xml; charset=UTF-8"));
    }

    private static byte[] envelope(String code, String children) {
        SoapHeader header = SoapHeader.request(ExchangeWorld.CONSUMER, ExchangeWorld.PROVIDER.service(code),
                "id-" + code);
        String empty = new String(SoapHeaderCodec.envelope(header, new QName(SoapNamespaces.XROAD, code,
                SoapNamespaces.XROAD_PREFIX)), StandardCharsets.UTF_8);
        return empty.replaceFirst("<xrd:" + code + "( xmlns:xrd=\"[^\"]*\")?/>", "<xrd:" + code + ">" + children
                + "</xrd:" + code + ">").getBytes(StandardCharsets.UTF_8);
    }

    private List<String> codes(CapturingResponder r) throws Exception {
        List<String> out = new ArrayList<>();
        json.readTree(r.body.toByteArray()).get("service").forEach(s -> out.add(s.get("service_code").asText()));
        return out;
    }
}
