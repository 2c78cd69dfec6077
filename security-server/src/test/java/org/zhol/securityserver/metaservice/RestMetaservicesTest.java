// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.securityserver.registry.Groups;
import org.zhol.securityserver.registry.ServiceType;

/** REST listMethods, allowedMethods and getOpenAPI against PR-MREST Annex B, and their access rules. */
class RestMetaservicesTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("INSTANCE/CLASS2/MEMBER2/SUBSYSTEM2");
    static final SubsystemId CALLER = SubsystemId.parse("INSTANCE/CLASS1/MEMBER1/SUBSYSTEM1");
    static final SubsystemId OTHER = SubsystemId.parse("INSTANCE/CLASS3/MEMBER3/OTHER");
    static final GlobalGroupId GROUP = GlobalGroupId.parse("INSTANCE/readers");
    static final String[][] PAYLOADGEN = {{"PUT", "/pet"}, {"POST", "/pet"}, {"GET", "/pet/findByStatus"},
        {"GET", "/pet/findByTags"}, {"GET", "/pet/*"}, {"POST", "/pet/*"}, {"DELETE", "/pet/*"},
        {"POST", "/pet/*/uploadImage"}, {"GET", "/store/inventory"}, {"POST", "/store/order"},
        {"GET", "/store/order/*"}, {"DELETE", "/store/order/*"}, {"POST", "/user"}, {"POST", "/user/createWithList"},
        {"GET", "/user/login"}, {"GET", "/user/logout"}, {"GET", "/user/*"}, {"PUT", "/user/*"}, {"DELETE", "/user/*"}};

    @TempDir
    Path dir;

    private RegistryFixture fx;
    private DocumentServer is;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        fx = new RegistryFixture(dir);
        is = new DocumentServer();
        fx.registry.addClient(PROVIDER);
        fx.service(PROVIDER.service("payloadgen"), ServiceType.REST, Optional.of(is.url("/openapi.yaml")));
        fx.service(PROVIDER.service("kore"), ServiceType.REST, Optional.empty());
        fx.service(PROVIDER.service("soapy"), ServiceType.SOAP, Optional.of(is.url("/soapy.wsdl")));
        for (String[] e : PAYLOADGEN) {
            fx.grant(PROVIDER, "payloadgen", OTHER, e[0], e[1]);
        }
        for (String m : new String[] {"GET", "PUT", "POST"}) {
            fx.grant(PROVIDER, "kore", OTHER, m, "/school");
        }
        fx.grant(PROVIDER, "payloadgen", CALLER, "GET", "/pet/*");
        fx.grant(PROVIDER, "soapy", CALLER, "*", "**");
    }

    @AfterEach
    void tearDown() {
        is.close();
        fx.close();
    }

    @Test
    void listMethodsAsAnnexB1() throws Exception {
        MetaserviceResponse r = answer(CALLER, "listMethods", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).contains("application/json");
        assertThat(sortedServices(json.readTree(r.body())))
                .isEqualTo(sortedServices(json.readTree(Resources.bytes("rest-listMethods.json"))));
    }

    @Test
    void allowedMethodsAsAnnexB2() throws Exception {
        MetaserviceResponse r = answer(CALLER, "allowedMethods", null);
        assertThat(json.readTree(r.body())).isEqualTo(json.readTree(Resources.bytes("rest-allowedMethods.json")));
    }

    @Test
    void allowedMethodsListsOnlyWhatTheCallerMayCall() throws Exception {
        // OTHER holds every endpoint; a stranger holds none; the member of CALLER holds nothing (rights are exact).
        assertThat(services(answer(OTHER, "allowedMethods", null))).containsExactlyInAnyOrder("kore", "payloadgen");
        assertThat(services(answer(SubsystemId.parse("INSTANCE/CLASS1/MEMBER1/STRANGER"), "allowedMethods", null))).isEmpty();
        assertThat(services(answer(CALLER.member(), "allowedMethods", null))).isEmpty();
        // A whole-service right covers every listed endpoint; a right through a global group counts.
        fx.grant(PROVIDER, "kore", GROUP, "*", "**");
        MemberId member = new MemberId("INSTANCE", "CLASS4", "M4");
        Groups groups = new Groups(Map.of(GROUP, Set.of(member)));
        JsonNode viaGroup = json.readTree(provider(MetaserviceConfig.DEFAULTS).answer(request(member, "allowedMethods",
                null), groups).body());
        assertThat(viaGroup.get("service")).hasSize(1);
        assertThat(viaGroup.get("service").get(0).get("service_code").asText()).isEqualTo("kore");
        assertThat(viaGroup.get("service").get(0).get("endpoint_list")).hasSize(3);
    }

    @Test
    void endpointsAreListedAsCoveredByTheCallersPatterns() throws Exception {
        SubsystemId reader = SubsystemId.parse("INSTANCE/CLASS1/MEMBER1/READER");
        fx.grant(PROVIDER, "payloadgen", reader, "*", "/store/**");
        JsonNode services = json.readTree(answer(reader, "allowedMethods", null).body()).get("service");
        List<String> listed = new ArrayList<>();
        services.get(0).get("endpoint_list").forEach(e -> listed.add(e.get("method").asText() + " " + e.get("path").asText()));
        assertThat(listed).containsExactly("GET /store/inventory", "POST /store/order", "GET /store/order/*",
                "DELETE /store/order/*", "* /store/**");
    }

    @Test
    void getOpenApiServesTheDocumentWithoutTheProvidersHosts() throws Exception {
        is.serve("/openapi.yaml", DocumentServer.Answer.ok("application/x-yaml", Resources.bytes("openapi.yaml")));
        MetaserviceResponse r = answer(CALLER, "getOpenAPI", "serviceCode=payloadgen");
        assertThat(r.contentType()).contains("application/x-yaml");
        YAMLMapper yaml = new YAMLMapper();
        JsonNode served = yaml.readTree(r.body());
        JsonNode original = yaml.readTree(Resources.bytes("openapi.yaml"));
        assertThat(served.get("servers").get(0).get("url").asText()).isEmpty();
        assertThat(served.get("servers").get(1).get("url").asText()).isEqualTo("/firms/v1");
        assertThat(served.get("servers").get(2)).isEqualTo(original.get("servers").get(2));
        assertThat(served.get("paths")).isEqualTo(original.get("paths"));
        assertThat(served.get("components")).isEqualTo(original.get("components"));
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("internal");
    }

    @Test
    void getOpenApiInJsonStaysJson() throws Exception {
        fx.registry.updateService(new org.zhol.securityserver.registry.LocalService(PROVIDER.service("payloadgen"),
                ServiceType.REST, java.net.URI.create("http://127.0.0.1:9/is"), Optional.of(is.url("/api/openapi.json")),
                org.zhol.securityserver.registry.LocalService.DEFAULT_TIMEOUT, true));
        // No content type: the .json path decides, and the answer says text/plain as X-Road does.
        is.serve("/api/openapi.json", DocumentServer.Answer.ok(null, Resources.bytes("openapi.json")).streamed());
        MetaserviceResponse r = answer(CALLER, "getOpenAPI", "servicecode=payloadgen");
        assertThat(r.contentType()).contains("text/plain");
        JsonNode served = json.readTree(r.body());
        assertThat(served.get("servers").get(1).get("url").asText()).isEqualTo("/firms/v1");
        assertThat(served.get("info")).isEqualTo(json.readTree(Resources.bytes("openapi.json")).get("info"));
    }

    @Test
    void getOpenApiNeedsARightOnTheServiceUnlessOpen() {
        is.serve("/openapi.yaml", DocumentServer.Answer.ok("application/x-yaml", Resources.bytes("openapi.yaml")));
        SubsystemId stranger = SubsystemId.parse("INSTANCE/CLASS1/MEMBER1/STRANGER");
        assertCode(() -> answer(stranger, "getOpenAPI", "serviceCode=payloadgen"), ErrorCode.ACCESS_DENIED);
        assertThat(is.requests()).isZero();
        MetaserviceConfig open = MetaserviceConfig.DEFAULTS.withDescriptionAccess(MetaserviceConfig.DescriptionAccess.OPEN);
        assertThat(provider(open).answer(request(stranger, "getOpenAPI", "serviceCode=payloadgen"), Groups.none())
                .status()).isEqualTo(200);
        assertThat(is.requests()).isEqualTo(1);
    }

    @Test
    void getOpenApiFaults() {
        assertCode(() -> answer(CALLER, "getOpenAPI", null), ErrorCode.INVALID_REQUEST);
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode="), ErrorCode.INVALID_REQUEST);
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=a%2Fb"), ErrorCode.BAD_REQUEST);
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=nope"), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=soapy"), ErrorCode.INVALID_SERVICE_TYPE);
        fx.grant(PROVIDER, "kore", CALLER, "GET", "/school");
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=kore"), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=payloadgen"), ErrorCode.SERVICE_FAILED,
                ErrorCode.HTTP_ERROR);
        is.serve("/openapi.yaml", DocumentServer.Answer.ok("application/x-yaml", "openapi: '2.0'\n".getBytes()));
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=payloadgen"), ErrorCode.SERVICE_FAILED,
                ErrorCode.INVALID_RESPONSE);
        is.serve("/openapi.yaml", DocumentServer.Answer.ok("application/json", "{not json".getBytes()));
        assertCode(() -> answer(CALLER, "getOpenAPI", "serviceCode=payloadgen"), ErrorCode.SERVICE_FAILED,
                ErrorCode.INVALID_RESPONSE);
    }

    @Test
    void listsNeedAHostedProviderAndGet() {
        SubsystemId elsewhere = SubsystemId.parse("INSTANCE/CLASS2/MEMBER2/ELSEWHERE");
        assertCode(() -> provider(MetaserviceConfig.DEFAULTS).answer(new RestMetaRequest(CALLER,
                elsewhere.service("listMethods"), RestMethod.GET, Optional.empty()), Groups.none()), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> provider(MetaserviceConfig.DEFAULTS).answer(new RestMetaRequest(CALLER,
                PROVIDER.service("listMethods"), RestMethod.POST, Optional.empty()), Groups.none()), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> answer(CALLER, "getWsdl", null), ErrorCode.UNKNOWN_SERVICE);
    }

    private MetaserviceProvider provider(MetaserviceConfig config) {
        return fx.provider(config);
    }

    private MetaserviceResponse answer(ClientId caller, String code, String query) {
        return provider(MetaserviceConfig.DEFAULTS).answer(request(caller, code, query), Groups.none());
    }

    private static RestMetaRequest request(ClientId caller, String code, String query) {
        return new RestMetaRequest(caller, PROVIDER.service(code), RestMethod.GET, Optional.ofNullable(query));
    }

    private List<String> services(MetaserviceResponse r) throws Exception {
        List<String> out = new ArrayList<>();
        json.readTree(r.body()).get("service").forEach(s -> out.add(s.get("service_code").asText()));
        return out;
    }

    /** The service array ordered by code: the registry lists by code, the example by another order. */
    private static List<JsonNode> sortedServices(JsonNode root) {
        List<JsonNode> list = new ArrayList<>();
        ((ArrayNode) root.get("service")).forEach(list::add);
        list.sort(Comparator.comparing(n -> n.get("service_code").asText()));
        return list;
    }

    static void assertCode(ThrowingCallable call, ErrorCode... segments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode().segments()).containsExactly(segments));
    }
}
