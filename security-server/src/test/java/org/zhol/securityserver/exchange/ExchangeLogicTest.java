// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;

/**
 * The exchange logic of two security servers over {@link MemoryPeers}: real tokens, signatures, OCSP,
 * registries and a real provider information system ({@link ProviderIs}); what the TLS transport adds is
 * tested end to end in {@code SecurityServerExchangeEndToEndTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeLogicTest {

    static final ServiceId ECHO = ExchangeWorld.PROVIDER.service("echo");
    static final ServiceId HIDDEN = ExchangeWorld.PROVIDER.service("hidden");
    static final ServiceId DOWN = ExchangeWorld.PROVIDER.service("down");
    static final ServiceId GET_RANDOM = ServiceId.of(ExchangeWorld.PROVIDER, "getRandom", "v1");
    static final String PREFIX = "/r1/DEV/COM/2002/PROVIDER/";

    final ObjectMapper json = new ObjectMapper();
    ExchangeWorld world;
    ProviderIs provider;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        world = new ExchangeWorld(dir, ExchangeConfig.DEFAULTS.withMaxBodyBytes(4 << 20).withPeerTimeoutSeconds(20));
        provider = new ProviderIs();
        world.ss1.registry.addClient(ExchangeWorld.CONSUMER);
        var registry = world.ss2.registry;
        registry.addClient(ExchangeWorld.PROVIDER);
        registry.addService(new LocalService(ECHO, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(2), true));
        registry.addService(new LocalService(HIDDEN, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(2), true));
        registry.addService(new LocalService(GET_RANDOM, ServiceType.SOAP, provider.soapUrl(), Optional.empty(),
                Duration.ofSeconds(2), true));
        registry.addService(new LocalService(DOWN, ServiceType.REST, java.net.URI.create("http://127.0.0.1:9/down"),
                Optional.empty(), Duration.ofSeconds(2), true));
        registry.grant(AccessRight.wholeService(DOWN, ExchangeWorld.CONSUMER));
        registry.grant(AccessRight.wholeService(ECHO, ExchangeWorld.CONSUMER));
        registry.grant(AccessRight.wholeService(GET_RANDOM, ExchangeWorld.CONSUMER));
    }

    @BeforeEach
    void reset() {
        world.conf.expire(false);
        world.ss1.peers.tamper(java.util.function.UnaryOperator.identity());
        completedBefore = provider.completed();
        startedBefore = provider.started();
    }

    int completedBefore;
    int startedBefore;

    int completed() {
        return provider.completed() - completedBefore;
    }

    int started() {
        return provider.started() - startedBefore;
    }

    @AfterAll
    void tearDown() {
        provider.close();
        world.close();
    }

    CapturingResponder call(String method, String uri, List<HttpHeader> headers, byte[] body) {
        CapturingResponder responder = new CapturingResponder();
        world.ss1.clientProxy.handle(new ClientRequest(method, uri, headers, new InetSocketAddress("127.0.0.1", 40000),
                false, List.of(), new ByteArrayInputStream(body)), responder);
        return responder;
    }

    static List<HttpHeader> rest(String... more) {
        List<HttpHeader> headers = new ArrayList<>(List.of(new HttpHeader("X-Road-Client", "DEV/GOV/1001/CONSUMER")));
        for (int i = 0; i < more.length; i += 2) {
            headers.add(new HttpHeader(more[i], more[i + 1]));
        }
        return headers;
    }

    @Test
    void restRoundTripsWithTheXRoadHeadersAndTheRequestHash() throws Exception {
        byte[] body = new byte[100_000];
        new Random(7).nextBytes(body);
        for (String method : List.of("POST", "PUT", "GET", "DELETE")) {
            byte[] sent = method.equals("GET") || method.equals("DELETE") ? new byte[0] : body;
            List<HttpHeader> headers = rest("Content-Type", "application/octet-stream", "X-Road-Id", "msg-" + method,
                    "X-Custom", "kept");
            CapturingResponder r = call(method, PREFIX + "echo/items/7%20x?a=1&b=%C3%A4", headers, sent);
            assertThat(r.status).as(r.body.toString()).isEqualTo(200);
            assertThat(r.closed).isTrue();
            assertThat(r.body.toByteArray()).isEqualTo(sent);
            assertThat(r.header("X-Echo-Method")).isEqualTo(method);
            assertThat(r.header("X-Echo-Path")).isEqualTo("/rest/items/7%20x");
            assertThat(r.header("X-Echo-Query")).isEqualTo("a=1&b=%C3%A4");
            assertThat(r.header("X-Echo-Client")).isEqualTo("DEV/GOV/1001/CONSUMER");
            assertThat(r.header("X-Road-Client")).isEqualTo("DEV/GOV/1001/CONSUMER");
            assertThat(r.header("X-Road-Service")).isEqualTo("DEV/COM/2002/PROVIDER/echo");
            assertThat(r.header("X-Road-Id")).isEqualTo("msg-" + method);
            assertThat(r.header("X-Road-Request-Id")).isNotBlank();
            assertThat(provider.last().headers().get("X-custom")).containsExactly("kept");
            // The hash as rest.md §3 defines it, over what the provider's server forwarded.
            List<HttpHeader> forwarded = new ArrayList<>(headers);
            forwarded.add(new HttpHeader("X-Road-Request-Id", r.header("X-Road-Request-Id")));
            assertThat(r.header("X-Road-Request-Hash")).isEqualTo(RestRequestHash.compute(RestMethod.valueOf(method),
                    PREFIX + "echo/items/7%20x?a=1&b=%C3%A4", forwarded, sent));
        }
        assertThat(completed()).isEqualTo(4);
    }

    @Test
    void soapRoundTripsWithTheRequestHash() throws Exception {
        SoapHeader header = SoapHeader.request(ExchangeWorld.CONSUMER, GET_RANDOM, "soap-1").withUserId("EE123");
        byte[] envelope = SoapHeaderCodec.envelope(header, new QName("urn:test", "getRandom", "t"));
        CapturingResponder r = call("POST", "/", List.of(new HttpHeader("Content-Type", "text/xml; charset=UTF-8"),
                new HttpHeader("SOAPAction", "\"getRandom\"")), envelope);
        assertThat(r.status).as(r.body.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/xml;charset=UTF-8");
        SoapHeader response = SoapHeaderCodec.readHeader(r.body.toByteArray(), SoapLimits.defaults());
        assertThat(response.withoutRequestHash()).isEqualTo(header);
        assertThat(response.requestHash()).contains(RequestDigest.of(HashAlgorithm.SHA512, envelope));
        assertThat(r.body.toString(StandardCharsets.UTF_8)).contains("<p:echo>" + envelope.length + "</p:echo>");
        assertThat(provider.lastSoapAction()).isEqualTo("\"getRandom\"");
    }

    @Test
    void swaAndMtomRoundTripWithTheHashOfTheSoapPart() throws Exception {
        for (String kind : List.of("text/xml", "application/xop+xml")) {
            SoapHeader header = SoapHeader.request(ExchangeWorld.CONSUMER, GET_RANDOM, "swa-" + kind.length());
            byte[] envelope = SoapHeaderCodec.envelope(header, new QName("urn:test", "getRandom", "t"));
            byte[] attachment = new byte[200_000];
            new Random(3).nextBytes(attachment);
            MultipartSoap request = MultipartSoap.of(kind, envelope, attachment);
            CapturingResponder r = call("POST", "/", List.of(new HttpHeader("Content-Type", request.contentType())),
                    request.body());
            assertThat(r.status).as(r.body.toString()).isEqualTo(200);
            MultipartSoap.Parsed answer = MultipartSoap.parse(r.header("Content-Type"), r.body.toByteArray());
            SoapHeader response = SoapHeaderCodec.readHeader(answer.envelope(), SoapLimits.defaults());
            assertThat(response.withoutRequestHash()).isEqualTo(header);
            assertThat(response.requestHash()).contains(RequestDigest.of(HashAlgorithm.SHA512, envelope));
            assertThat(answer.attachments()).hasSize(1);
            assertThat(answer.attachments().getFirst()).isEqualTo(attachment);
        }
    }

    @Test
    void aBodyLargerThanOneFrameStreamsBothWays() throws Exception {
        long size = 3 * 1024 * 1024 + 17;
        CapturingResponder r = call("POST", PREFIX + "echo/big", rest("X-Test-Size", Long.toString(size)),
                ProviderIs.generated(size).readAllBytes());
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.size()).isEqualTo(size);
        assertThat(r.body.toByteArray()).isEqualTo(ProviderIs.generated(size).readAllBytes());
        assertThat(provider.last().length()).isEqualTo(size);
    }

    @Test
    void noAccessRightUnknownServiceAndTraversalReachNothing() throws Exception {
        assertFault(call("GET", PREFIX + "hidden/x", rest(), new byte[0]), 500, "Server.ServerProxy.AccessDenied");
        assertFault(call("GET", PREFIX + "nothing/x", rest(), new byte[0]), 500, "Server.ServerProxy.UnknownService");
        assertFault(call("GET", PREFIX + "echo/a/../../admin", rest(), new byte[0]), 400, "Client.BadRequest");
        assertFault(call("GET", PREFIX + "echo/a/%2e%2e/admin", rest(), new byte[0]), 400, "Client.BadRequest");
        assertFault(call("GET", PREFIX + "echo/x", List.of(new HttpHeader("X-Road-Client", "DEV/GOV/1001/OTHER")),
                new byte[0]), 500, "Server.ClientProxy.UnknownMember");
        assertThat(started()).isZero();
    }

    @Test
    void expiredConfigurationAndOversizeBodyAreRefusedBeforeTheNetwork() throws Exception {
        world.conf.expire(true);
        assertFault(call("GET", PREFIX + "echo/x", rest(), new byte[0]), 500, "Server.ClientProxy.OutdatedGlobalConf");
        world.conf.expire(false);
        assertFault(call("POST", PREFIX + "echo/x", rest("Content-Length", Long.toString(5L << 20)), new byte[0]), 400,
                "Client.BadRequest");
        CapturingResponder streamed = call("POST", PREFIX + "echo/x", rest(), new byte[(4 << 20) + 1]);
        assertFault(streamed, 400, "Client.BadRequest");
        assertThat(completed()).isZero();
    }

    @Test
    void aTamperedBodyOrSignatureNeverCompletesAtTheProvider() throws Exception {
        world.ss1.peers.tamper(frame -> frame.type() == FrameType.DATA ? flipped(frame, 10) : frame);
        assertFault(call("POST", PREFIX + "echo/x", rest(), new byte[1000]), 500, "Server.ServerProxy.InvalidReference");
        CapturingResponder big = call("POST", PREFIX + "echo/x", rest(), new byte[300_000]);
        assertFault(big, 500, "Server.ServerProxy.InvalidReference");
        world.ss1.peers.tamper(frame -> frame.type() == FrameType.TRAILER ? forgedTrailer(frame) : frame);
        CapturingResponder forged = call("POST", PREFIX + "echo/x", rest(), new byte[300_000]);
        assertThat(json.readTree(forged.body.toByteArray()).get("type").asText()).startsWith("Server.ServerProxy.");
        assertThat(completed()).isZero();
    }

    @Test
    void aRevokedSigningCertificateIsRefusedByTheProvidersServer() throws Exception {
        var ocsp = world.ss1.ocsp.responses;
        byte[] good = ocsp.get(world.ss1.signCertificate);
        // A consumer server that signs although its certificate is revoked: the OCSP response it embeds says so.
        ocsp.put(world.ss1.signCertificate, org.zhol.protocol.manifest.SignatureFixture.ocspResponse(world.ca,
                world.ss1.signCertificate, java.time.Instant.now(), new org.bouncycastle.cert.ocsp.RevokedStatus(
                        java.util.Date.from(java.time.Instant.now().minusSeconds(3600)), 1)));
        try {
            assertFault(call("POST", PREFIX + "echo/x", rest(), new byte[100]), 500, "Server.ServerProxy.CertValidation");
            assertFault(call("POST", PREFIX + "echo/x", rest(), new byte[300_000]), 500,
                    "Server.ServerProxy.CertValidation");
        } finally {
            ocsp.put(world.ss1.signCertificate, good);
        }
        assertThat(completed()).isZero();
    }

    @Test
    void providerDownAndSlowAreServiceFailures() throws Exception {
        CapturingResponder slow = call("GET", PREFIX + "echo/x", rest("X-Test-Delay-Ms", "4000"), new byte[0]);
        assertFault(slow, 500, "Server.ServerProxy.ServiceFailed.NetworkError");
        assertFault(call("GET", PREFIX + "down/x", rest(), new byte[0]), 500,
                "Server.ServerProxy.ServiceFailed.NetworkError");
    }

    @Test
    void theProvidersOwnErrorsPassUnchanged() {
        CapturingResponder r = call("GET", PREFIX + "echo/x", rest("X-Test-Status", "404"), new byte[0]);
        assertThat(r.status).isEqualTo(404);
        assertThat(r.header("X-Road-Error")).isNull();
        assertThat(r.header("X-Road-Request-Hash")).isNotBlank();
    }

    @Test
    void soapXxeIsRefusedAtTheClientProxy() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Header>&e;"
                + "</SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>";
        CapturingResponder r = call("POST", "/", List.of(new HttpHeader("Content-Type", "text/xml")),
                xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status).isEqualTo(500);
        assertThat(r.body.toString(StandardCharsets.UTF_8)).contains("<faultcode>Client.InvalidSoap</faultcode>")
                .doesNotContain("root:");
        assertThat(started()).isZero();
    }

    void assertFault(CapturingResponder r, int status, String code) throws Exception {
        assertThat(r.status).as(r.body.toString()).isEqualTo(status);
        assertThat(r.header("X-Road-Error")).isEqualTo(code);
        JsonNode error = json.readTree(r.body.toByteArray());
        assertThat(error.get("type").asText()).isEqualTo(code);
        assertThat(error.get("detail").asText()).isNotBlank();
    }

    static Frame flipped(Frame frame, int at) {
        byte[] copy = frame.payload().clone();
        copy[Math.min(at, copy.length - 1)] ^= 1;
        return new Frame(frame.type(), copy);
    }

    /** The trailer with one byte of the CMS signature value changed (near its end). */
    static Frame forgedTrailer(Frame frame) {
        String text = new String(frame.payload(), StandardCharsets.UTF_8);
        int cms = text.indexOf("\"cms\":\"") + 7;
        int end = text.indexOf('"', cms);
        char c = text.charAt(end - 5);
        String forged = text.substring(0, end - 5) + (c == 'A' ? 'B' : 'A') + text.substring(end - 4);
        return new Frame(frame.type(), forged.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
