// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.securityserver.metaservice.RestMetaservicesTest.assertCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.MimePart;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.RequestHash;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.securityserver.registry.Groups;
import org.zhol.securityserver.registry.ServiceType;

/** SOAP listMethods, allowedMethods and getWsdl against PR-META Annex C, and their access rules. */
class SoapMetaservicesTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("Inst1/MemberClass1/ProviderId/Subsystem1");
    static final MemberId CALLER = MemberId.parse("Inst1/MemberClass1/ClientId");
    static final SubsystemId WSDL_PROVIDER = SubsystemId.parse("FI/COM/111/SUB");
    static final ServiceId GET_WSDL = ServiceId.of(WSDL_PROVIDER, "getWsdl", "v1");

    @TempDir
    Path dir;

    private RegistryFixture fx;
    private DocumentServer is;

    @BeforeEach
    void setUp() {
        fx = new RegistryFixture(dir);
        is = new DocumentServer();
        fx.registry.addClient(PROVIDER);
        fx.service(ServiceId.of(PROVIDER, "allowedService", "v1"), ServiceType.SOAP, Optional.empty());
        fx.service(ServiceId.of(PROVIDER, "disallowedService", "v1"), ServiceType.SOAP, Optional.empty());
        fx.service(PROVIDER.service("restService"), ServiceType.REST, Optional.empty());
        fx.grant(PROVIDER, "allowedService", CALLER, "*", "**");
        fx.grant(PROVIDER, "restService", CALLER, "*", "**");
        fx.registry.addClient(WSDL_PROVIDER);
        fx.service(ServiceId.of(WSDL_PROVIDER, "getRandom", "v1"), ServiceType.SOAP, Optional.of(is.url("/provider.wsdl")));
        fx.service(WSDL_PROVIDER.service("rest"), ServiceType.REST, Optional.of(is.url("/openapi.yaml")));
        fx.grant(WSDL_PROVIDER, "getRandom", WSDL_PROVIDER, "*", "**");
        fx.grant(WSDL_PROVIDER, "rest", WSDL_PROVIDER, "*", "**");
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml", Resources.bytes("provider.wsdl")));
    }

    @AfterEach
    void tearDown() {
        is.close();
        fx.close();
    }

    @Test
    void listMethodsAsAnnexC3() {
        byte[] request = Resources.bytes("soap-listMethods-request.xml");
        MetaserviceResponse r = answer(CALLER, PROVIDER.service("listMethods"), "text/xml; charset=utf-8", request);
        assertThat(r.contentType()).contains("text/xml; charset=UTF-8");
        assertSameEnvelope(r.body(), "soap-listMethods-response.xml", request);
    }

    @Test
    void allowedMethodsAsAnnexC5() {
        byte[] request = Resources.bytes("soap-allowedMethods-request.xml");
        MetaserviceResponse r = answer(CALLER, PROVIDER.service("allowedMethods"), "text/xml", request);
        assertSameEnvelope(r.body(), "soap-allowedMethods-response.xml", request);
    }

    @Test
    void allowedMethodsListsNothingForAStranger() {
        byte[] request = Resources.bytes("soap-allowedMethods-request.xml");
        MemberId stranger = MemberId.parse("Inst1/MemberClass1/Stranger");
        byte[] asStranger = new String(request, StandardCharsets.UTF_8).replace(">ClientId<", ">Stranger<")
                .getBytes(StandardCharsets.UTF_8);
        MetaserviceResponse r = answer(stranger, PROVIDER.service("allowedMethods"), "text/xml", asStranger);
        var body = XmlTrees.parse(r.body()).getElementsByTagNameNS("http://x-road.eu/xsd/xroad.xsd", "allowedMethodsResponse");
        assertThat(body.getLength()).isEqualTo(1);
        assertThat(body.item(0).getChildNodes().getLength()).isZero();
    }

    @Test
    void getWsdlAsAnnexC7WithTheEndpointHidden() throws Exception {
        byte[] request = Resources.bytes("soap-getWsdl-request.xml");
        MetaserviceResponse r = answer(WSDL_PROVIDER, GET_WSDL, "text/xml", request);
        ContentType type = ContentType.parse(r.contentType().orElseThrow());
        assertThat(type.mediaType()).isEqualTo("multipart/related");
        assertThat(type.parameter("type")).contains("text/xml");
        SoapMultipart message = SoapMultipart.open(type, r.openBody(), SoapLimits.defaults());
        assertSameEnvelope(message.root().body().readAllBytes(), "soap-getWsdl-response.xml", request);
        MimePart wsdl = message.attachments().next().orElseThrow();
        assertThat(wsdl.headers().first("Content-Type")).contains("text/xml");
        assertThat(wsdl.headers().first("Content-ID").orElseThrow()).matches("<wsdl=[0-9a-f-]{36}@x-road\\.eu>");
        byte[] attached = wsdl.body().readAllBytes();
        assertThat(XmlTrees.canonical(attached)).isEqualTo(XmlTrees.canonical(Resources.bytes("provider-anonymised.wsdl")));
        assertThat(new String(attached, StandardCharsets.UTF_8)).doesNotContain("some-server")
                .contains("<!-- Import X-Road schema -->");
        assertThat(message.attachments().next()).isEmpty();
    }

    @Test
    void getWsdlInAMultipartRequest() throws Exception {
        byte[] envelope = Resources.bytes("soap-getWsdl-request.xml");
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Type: text/xml; charset=UTF-8\r\n\r\n"
                + new String(envelope, StandardCharsets.UTF_8) + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\n\r\n"
                + "ignored\r\n--" + boundary + "--\r\n";
        MetaserviceResponse r = fx.provider(MetaserviceConfig.DEFAULTS).answer(new SoapMetaRequest(WSDL_PROVIDER, GET_WSDL,
                "multipart/related; type=\"text/xml\"; boundary=" + boundary,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), Groups.none());
        SoapMultipart message = SoapMultipart.open(ContentType.parse(r.contentType().orElseThrow()), r.openBody(),
                SoapLimits.defaults());
        // The hash is over the SOAP part's body, as for any multipart request.
        assertSameEnvelope(message.root().body().readAllBytes(), "soap-getWsdl-response.xml", envelope);
    }

    @Test
    void getWsdlNeedsARightOnTheServiceUnlessOpen() {
        fx.registry.addClient(SubsystemId.parse("FI/COM/111/OTHER"));
        SubsystemId other = SubsystemId.parse("FI/COM/111/OTHER");
        byte[] request = asClient(Resources.bytes("soap-getWsdl-request.xml"), "OTHER");
        assertCode(() -> answer(other, GET_WSDL, "text/xml", request), ErrorCode.ACCESS_DENIED);
        assertThat(is.requests()).isZero();
        MetaserviceConfig open = MetaserviceConfig.DEFAULTS.withDescriptionAccess(MetaserviceConfig.DescriptionAccess.OPEN);
        MetaserviceResponse r = fx.provider(open).answer(new SoapMetaRequest(other, GET_WSDL, "text/xml",
                new ByteArrayInputStream(request)), Groups.none());
        assertThat(r.status()).isEqualTo(200);
        assertThat(is.requests()).isEqualTo(1);
    }

    @Test
    void getWsdlFaults() {
        assertCode(() -> getWsdl("<xro:serviceCode>nope</xro:serviceCode>"), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> getWsdl("<xro:serviceCode>getRandom</xro:serviceCode><xro:serviceVersion>v9</xro:serviceVersion>"),
                ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> getWsdl("<xro:serviceVersion>v1</xro:serviceVersion>"), ErrorCode.INVALID_REQUEST);
        assertCode(() -> getWsdl("<xro:serviceCode>rest</xro:serviceCode>"), ErrorCode.INVALID_SERVICE_TYPE);
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes()));
        assertCode(() -> getWsdl("<xro:serviceCode>getRandom</xro:serviceCode>"), ErrorCode.SERVICE_FAILED,
                ErrorCode.INVALID_RESPONSE);
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml", "<definitions>".getBytes()));
        assertCode(() -> getWsdl("<xro:serviceCode>getRandom</xro:serviceCode>"), ErrorCode.SERVICE_FAILED,
                ErrorCode.INVALID_RESPONSE);
        is.serve("/provider.wsdl", DocumentServer.Answer.ok("text/xml", new byte[MetaserviceConfig.DEFAULTS.maxDocumentBytes() + 1]));
        assertCode(() -> getWsdl("<xro:serviceCode>getRandom</xro:serviceCode>"), ErrorCode.SERVICE_FAILED,
                ErrorCode.INVALID_RESPONSE);
    }

    @Test
    void theHeaderMustNameTheVerifiedClientAndService() {
        byte[] request = Resources.bytes("soap-listMethods-request.xml");
        assertCode(() -> answer(MemberId.parse("Inst1/MemberClass1/Someone"), PROVIDER.service("listMethods"),
                "text/xml", request), ErrorCode.INCONSISTENT_HEADERS);
        assertCode(() -> answer(CALLER, PROVIDER.service("allowedMethods"), "text/xml", request),
                ErrorCode.INCONSISTENT_HEADERS);
    }

    @Test
    void malformedOrOversizeRequests() {
        assertCode(() -> answer(CALLER, PROVIDER.service("listMethods"), "text/xml", "<notsoap/>".getBytes()),
                ErrorCode.INVALID_SOAP);
        assertCode(() -> answer(CALLER, PROVIDER.service("listMethods"), "application/json", "{}".getBytes()),
                ErrorCode.INVALID_CONTENT_TYPE);
        String padded = new String(Resources.bytes("soap-listMethods-request.xml"), StandardCharsets.UTF_8)
                .replace("<SOAP-ENV:Body>", "<SOAP-ENV:Body><!--" + "x".repeat(70_000) + "-->");
        assertCode(() -> answer(CALLER, PROVIDER.service("listMethods"), "text/xml",
                padded.getBytes(StandardCharsets.UTF_8)), ErrorCode.INVALID_SOAP);
        assertCode(() -> answer(CALLER, PROVIDER.service("getRandom"), "text/xml",
                Resources.bytes("soap-listMethods-request.xml")), ErrorCode.UNKNOWN_SERVICE);
    }

    private MetaserviceResponse getWsdl(String children) {
        String request = new String(Resources.bytes("soap-getWsdl-request.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<xro:getWsdl>.*</xro:getWsdl>", "<xro:getWsdl>" + children + "</xro:getWsdl>");
        return answer(WSDL_PROVIDER, GET_WSDL, "text/xml", request.getBytes(StandardCharsets.UTF_8));
    }

    private MetaserviceResponse answer(ClientId caller, ServiceId service, String contentType, byte[] request) {
        return fx.provider(MetaserviceConfig.DEFAULTS).answer(new SoapMetaRequest(caller, service, contentType,
                new ByteArrayInputStream(request)), Groups.none());
    }

    private static byte[] asClient(byte[] getWsdlRequest, String subsystem) {
        String s = new String(getWsdlRequest, StandardCharsets.UTF_8);
        int client = s.indexOf("<xro:client");
        return (s.substring(0, client) + s.substring(client).replaceFirst(">SUB<", ">" + subsystem + "<"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same envelope as the example, and a requestHash that is the SHA-512 of our request. */
    private static void assertSameEnvelope(byte[] actual, String example, byte[] request) {
        assertThat(XmlTrees.canonical(actual)).isEqualTo(XmlTrees.canonical(Resources.bytes(example)));
        RequestHash expected = RequestDigest.of(HashAlgorithm.SHA512, request);
        String[] hash = XmlTrees.requestHash(actual).orElseThrow();
        assertThat(hash[0]).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha512");
        assertThat(hash[1]).isEqualTo(expected.value());
    }
}
