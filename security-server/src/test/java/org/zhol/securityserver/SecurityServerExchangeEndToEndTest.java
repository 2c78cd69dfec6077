// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConnection;
import jakarta.xml.soap.SOAPConnectionFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.soap.SOAPMessage;
import java.util.Base64;
import javax.xml.namespace.QName;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.soap.HashAlgorithm;
import org.zhol.protocol.soap.RequestDigest;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapLimits;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TrailerCodec;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.MultipartSoap;
import org.zhol.securityserver.exchange.PeerTrust;
import org.zhol.securityserver.exchange.ProviderIs;
import org.zhol.securityserver.net.PeerClient;
import org.zhol.securityserver.net.PeerClientConfig;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.testing.MutableClock;

/**
 * The message exchange end to end on loopback: three real security servers (SS1 hosts the consumer;
 * SS3 and SS2 both host the provider, in that order), a central server stub serving the signed
 * configuration, a CA with its OCSP responder, a provider information system ({@link ProviderIs}, REST
 * and SOAP, plain, SwA and MTOM) and the consumer IS as an HTTP client (the JDK's, curl and Jakarta SAAJ). Every refusal is checked for its
 * code and for reaching nothing at the provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityServerExchangeEndToEndTest {

    static final MemberId GOV = MemberId.parse("DEV/GOV/1001");
    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = GOV.subsystem("CONSUMER");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final ServiceId ECHO = PROVIDER.service("echo");
    static final ServiceId HIDDEN = PROVIDER.service("hidden");
    static final ServiceId SLOW = PROVIDER.service("slow");
    static final ServiceId DOWN = PROVIDER.service("down");
    static final ServiceId GET_RANDOM = ServiceId.of(PROVIDER, "getRandom", "v1");
    static final String REST = "/r1/DEV/COM/2002/PROVIDER/";
    static final long MAX_BODY = 80L << 20;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final MutableClock consumerClock = MutableClock.atNow();
    final Tampering tampering = new Tampering();
    Federation federation;
    ProviderIs provider;
    Federation.Node ss1;
    Federation.Node ss2;
    Federation.Node ss3;
    int completedBefore;
    int startedBefore;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        federation = new Federation(dir);
        provider = new ProviderIs();
        ExchangeConfig exchange = ExchangeConfig.DEFAULTS.withMaxBodyBytes(MAX_BODY).withPeerTimeoutSeconds(30);
        ss1 = federation.start(GOV, "SS1", List.of(CONSUMER), consumerClock, exchange, Federation.REAL_LOG, tampering);
        ss3 = federation.start(COM, "SS3", List.of(PROVIDER), Clock.systemUTC(), exchange, Federation.REAL_LOG,
                c -> c);
        // SS2 signs its responses in batch mode (token.batchSigning), SS3 one CMS per message.
        ss2 = federation.start(COM, "SS2", List.of(PROVIDER), Clock.systemUTC(), exchange, Federation.REAL_LOG,
                c -> c, SecurityServerConfig.TokenSection.DEFAULTS.withBatchSigning(true, 2, 64));
        for (Federation.Node node : List.of(ss2, ss3)) {
            var registry = node.server.registry();
            registry.addService(rest(ECHO, provider.restUrl(), 10));
            registry.addService(rest(HIDDEN, provider.restUrl(), 10));
            registry.addService(rest(SLOW, provider.restUrl(), 1));
            registry.addService(rest(DOWN, URI.create("http://127.0.0.1:9/nothing"), 5));
            registry.addService(new LocalService(GET_RANDOM, ServiceType.SOAP, provider.soapUrl(), Optional.empty(),
                    Duration.ofSeconds(10), true));
            for (ServiceId granted : List.of(ECHO, SLOW, DOWN, GET_RANDOM)) {
                registry.grant(AccessRight.wholeService(granted, CONSUMER));
            }
        }
        federation.publish();
        federation.awaitHealthy();
    }

    static LocalService rest(ServiceId id, URI url, int timeoutSeconds) {
        return new LocalService(id, ServiceType.REST, url, Optional.empty(), Duration.ofSeconds(timeoutSeconds), true);
    }

    @AfterAll
    void tearDown() {
        provider.close();
        federation.close();
    }

    @BeforeEach
    void count() {
        tampering.off();
        // The consumer's frozen clock is now again: the providers refuse requests signed before they started
        // or further than the replay window from their time (transport.md §13).
        consumerClock.set(java.time.Instant.now());
        completedBefore = provider.completed();
        startedBefore = provider.started();
    }

    int completed() {
        return provider.completed() - completedBefore;
    }

    int started() {
        return provider.started() - startedBefore;
    }

    HttpResponse<byte[]> call(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ss1.clientProxy(path))
                .method(method, body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> rest(String method, String path, byte[] body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("X-Road-Client", "DEV/GOV/1001/CONSUMER"));
        all.addAll(List.of(headers));
        return call(method, REST + path, body, all.toArray(String[]::new));
    }

    void assertFault(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Road-Error")).contains(code);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("type").asText()).isEqualTo(code);
        assertThat(error.get("detail").asText()).isNotBlank();
    }

    @Test
    void restMethodsWithQueryStringsAndBinaryBodiesRoundTrip() throws Exception {
        byte[] body = new byte[200_000];
        new Random(11).nextBytes(body);
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            byte[] sent = method.equals("POST") || method.equals("PUT") ? body : new byte[0];
            String path = "echo/v1/items/42?filter=a%20b&x=%C3%A4&empty=";
            HttpResponse<byte[]> response = rest(method, path, sent, "Content-Type", "application/octet-stream",
                    "X-Road-Id", "e2e-" + method, "Accept", "application/octet-stream");
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(response.body()).isEqualTo(sent);
            var h = response.headers();
            assertThat(h.firstValue("X-Echo-Method")).contains(method);
            assertThat(h.firstValue("X-Echo-Path")).contains("/rest/v1/items/42");
            assertThat(h.firstValue("X-Echo-Query")).contains("filter=a%20b&x=%C3%A4&empty=");
            assertThat(h.firstValue("X-Road-Client")).contains("DEV/GOV/1001/CONSUMER");
            assertThat(h.firstValue("X-Road-Service")).contains("DEV/COM/2002/PROVIDER/echo");
            assertThat(h.firstValue("X-Road-Id")).contains("e2e-" + method);
            assertThat(h.firstValue("X-Road-Error")).isEmpty();
            String requestId = h.firstValue("X-Road-Request-Id").orElseThrow();
            ProviderIs.Seen seen = provider.last();
            assertThat(seen.headers().get("X-road-request-id")).containsExactly(requestId);
            // rest.md §3 over what the consumer's server sent: the IS's headers as they came on the wire (the JDK's
            // client sends them sorted by name), filtered, then X-Road-Request-Id.
            List<HttpHeader> hashed = List.of(new HttpHeader("Accept", "application/octet-stream"),
                    new HttpHeader("Content-Type", "application/octet-stream"),
                    new HttpHeader("X-Road-Client", "DEV/GOV/1001/CONSUMER"), new HttpHeader("X-Road-Id", "e2e-" + method),
                    new HttpHeader("X-Road-Request-Id", requestId));
            String expected = RestRequestHash.compute(RestMethod.valueOf(method), REST + path, hashed, sent);
            assertThat(h.firstValue("X-Road-Request-Hash")).contains(expected);
        }
        assertThat(completed()).isEqualTo(4);
    }

    @Test
    void soapRoundTripsWithItsRequestHash() throws Exception {
        SoapHeader header = SoapHeader.request(CONSUMER, GET_RANDOM, "soap-e2e").withUserId("EE37001010000");
        byte[] envelope = SoapHeaderCodec.envelope(header, new QName("urn:test", "getRandom", "t"));
        HttpResponse<byte[]> response = call("POST", "/", envelope, "Content-Type", "text/xml; charset=UTF-8",
                "SOAPAction", "\"urn:getRandom\"");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml;charset=UTF-8");
        SoapHeader answered = SoapHeaderCodec.readHeader(response.body(), SoapLimits.defaults());
        assertThat(answered.withoutRequestHash()).isEqualTo(header);
        assertThat(answered.requestHash()).contains(RequestDigest.of(HashAlgorithm.SHA512, envelope));
        assertThat(provider.lastSoapAction()).isEqualTo("\"urn:getRandom\"");
        assertThat(completed()).isEqualTo(1);
    }

    @Test
    void jakartaSaajIsASoapClient() throws Exception {
        String xrd = "http://x-road.eu/xsd/xroad.xsd";
        String iden = "http://x-road.eu/xsd/identifiers";
        SOAPMessage request = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
        SOAPEnvelope envelope = request.getSOAPPart().getEnvelope();
        envelope.addNamespaceDeclaration("xrd", xrd);
        envelope.addNamespaceDeclaration("iden", iden);
        SOAPHeader header = envelope.getHeader();
        SOAPHeaderElement client = header.addHeaderElement(new QName(xrd, "client", "xrd"));
        client.addAttribute(new QName(iden, "objectType", "iden"), "SUBSYSTEM");
        identifierFields(client, iden, "DEV", "GOV", "1001", "subsystemCode", "CONSUMER");
        SOAPHeaderElement service = header.addHeaderElement(new QName(xrd, "service", "xrd"));
        service.addAttribute(new QName(iden, "objectType", "iden"), "SERVICE");
        identifierFields(service, iden, "DEV", "COM", "2002", "subsystemCode", "PROVIDER", "serviceCode",
                "getRandom", "serviceVersion", "v1");
        header.addHeaderElement(new QName(xrd, "id", "xrd")).addTextNode("saaj-e2e");
        header.addHeaderElement(new QName(xrd, "userId", "xrd")).addTextNode("EE37001010000");
        header.addHeaderElement(new QName(xrd, "protocolVersion", "xrd")).addTextNode("4.5");
        request.getSOAPBody().addBodyElement(new QName("urn:test", "getRandom", "t"));
        request.getMimeHeaders().addHeader("SOAPAction", "\"urn:getRandom\"");
        request.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        request.writeTo(written);
        byte[] sent = written.toByteArray();

        SOAPConnection connection = SOAPConnectionFactory.newInstance().createConnection();
        SOAPMessage response;
        try {
            response = connection.call(request, ss1.clientProxy("/").toURL());
        } finally {
            connection.close();
        }

        // SAAJ sent exactly the bytes it wrote here: the provider saw their digest.
        assertThat(provider.last().sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)));
        assertThat(provider.lastSoapAction()).isEqualTo("\"urn:getRandom\"");
        assertThat(response.getSOAPBody().hasFault()).as(() -> soapText(response)).isFalse();
        SOAPElement answer = (SOAPElement) response.getSOAPBody()
                .getChildElements(new QName("urn:test:provider", "getRandomResponse")).next();
        SOAPElement echo = (SOAPElement) answer.getChildElements(new QName("urn:test:provider", "echo")).next();
        assertThat(echo.getValue()).isEqualTo(Integer.toString(sent.length));

        SOAPHeader answered = response.getSOAPHeader();
        assertThat(text(answered, xrd, "id")).isEqualTo("saaj-e2e");
        assertThat(text(answered, xrd, "userId")).isEqualTo("EE37001010000");
        assertThat(text(answered, xrd, "protocolVersion")).isEqualTo("4.5");
        SOAPElement requestHash = (SOAPElement) answered.getChildElements(new QName(xrd, "requestHash")).next();
        assertThat(requestHash.getAttribute("algorithmId")).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha512");
        assertThat(requestHash.getValue().replaceAll("\\s", ""))
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(sent)));
        assertThat(completed()).isEqualTo(1);
    }

    /** Adds X-Road identifier fields (xRoadInstance, memberClass, memberCode, then name-value pairs). */
    static void identifierFields(SOAPElement element, String iden, String instance, String memberClass,
            String memberCode, String... more) throws Exception {
        element.addChildElement(new QName(iden, "xRoadInstance", "iden")).addTextNode(instance);
        element.addChildElement(new QName(iden, "memberClass", "iden")).addTextNode(memberClass);
        element.addChildElement(new QName(iden, "memberCode", "iden")).addTextNode(memberCode);
        for (int i = 0; i < more.length; i += 2) {
            element.addChildElement(new QName(iden, more[i], "iden")).addTextNode(more[i + 1]);
        }
    }

    static String text(SOAPElement parent, String namespace, String local) {
        return ((SOAPElement) parent.getChildElements(new QName(namespace, local)).next()).getValue();
    }

    static String soapText(SOAPMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aProviderServerInBatchModeAnswersWithABatchSignatureThatVerifies() throws Exception {
        byte[] body = "batch-mode".getBytes(StandardCharsets.UTF_8);
        List<MessageSignature> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
        tampering.observeReceived(frame -> {
            if (frame != null && frame.type() == FrameType.TRAILER) {
                signatures.add(TrailerCodec.decode(frame.payload(), TransportLimits.DEFAULT).signature());
            }
        });
        HttpResponse<byte[]> response = rest("POST", "echo/batch", body, "Content-Type", "text/plain",
                "X-Road-Id", "batch-e2e", "X-Road-Security-Server", "DEV/COM/2002/SS2");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("X-Road-Id")).contains("batch-e2e");
        assertThat(response.headers().firstValue("X-Road-Request-Hash")).isPresent();
        assertThat(signatures).hasSize(1).first().isInstanceOf(MessageSignature.Batch.class);
        assertThat(completed()).isEqualTo(1);
    }

    @Test
    void swaAndMtomRoundTripWithTheHashOfTheSoapPart() throws Exception {
        for (String kind : List.of("text/xml", "application/xop+xml")) {
            SoapHeader header = SoapHeader.request(CONSUMER, GET_RANDOM, "multipart-" + kind.length());
            byte[] envelope = SoapHeaderCodec.envelope(header, new QName("urn:test", "getRandom", "t"));
            byte[] attachment = new byte[300_000];
            new Random(5).nextBytes(attachment);
            MultipartSoap request = MultipartSoap.of(kind, envelope, attachment, new byte[0]);
            HttpResponse<byte[]> response = call("POST", "/", request.body(), "Content-Type", request.contentType());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo(200);
            MultipartSoap.Parsed answer = MultipartSoap.parse(response.headers().firstValue("Content-Type").orElseThrow(),
                    response.body());
            SoapHeader answered = SoapHeaderCodec.readHeader(answer.envelope(), SoapLimits.defaults());
            assertThat(answered.withoutRequestHash()).isEqualTo(header);
            assertThat(answered.requestHash()).contains(RequestDigest.of(HashAlgorithm.SHA512, envelope));
            assertThat(answer.attachments()).hasSize(2);
            assertThat(answer.attachments().getFirst()).isEqualTo(attachment);
            assertThat(answer.attachments().get(1)).isEmpty();
        }
        assertThat(completed()).isEqualTo(2);
    }

    @Test
    void curlIsARestClient() throws Exception {
        Path body = Files.write(federation.dir.resolve("curl-body.bin"), "binary\u0000body\u00ff".getBytes(
                StandardCharsets.ISO_8859_1));
        Path headers = federation.dir.resolve("curl-headers.txt");
        Process curl = new ProcessBuilder("curl", "-sS", "-X", "POST", "--data-binary", "@" + body, "-D",
                headers.toString(), "-H", "X-Road-Client: DEV/GOV/1001/CONSUMER", "-H",
                "Content-Type: application/octet-stream", ss1.clientProxy(REST + "echo/curl?q=1").toString())
                .redirectErrorStream(true).start();
        byte[] out = curl.getInputStream().readAllBytes();
        assertThat(curl.waitFor()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        assertThat(out).isEqualTo(Files.readAllBytes(body));
        String head = Files.readString(headers, StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Road-Request-Hash: ")
                .containsIgnoringCase("X-Road-Service: DEV/COM/2002/PROVIDER/echo").containsIgnoringCase("X-Echo-Query: q=1");
        assertThat(completed()).isEqualTo(1);
    }

    @Test
    void aBodyOf64MiBStreamsThroughBothServersBothWays() throws Exception {
        long size = 64L << 20;
        HttpRequest request = HttpRequest.newBuilder(ss1.clientProxy(REST + "echo/big"))
                .header("X-Road-Client", "DEV/GOV/1001/CONSUMER").header("X-Test-Size", Long.toString(size))
                .POST(BodyPublishers.ofInputStream(() -> ProviderIs.generated(size))).build();
        HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        String expected = sha256(ProviderIs.generated(size));
        assertThat(sha256(response.body())).isEqualTo(expected);
        assertThat(provider.last().length()).isEqualTo(size);
        assertThat(provider.last().sha256()).isEqualTo(expected);
    }

    @Test
    void noAccessRightUnknownClientAndUnknownServiceReachNothing() throws Exception {
        assertFault(rest("GET", "hidden/x", new byte[0]), 500, "Server.ServerProxy.AccessDenied");
        assertFault(call("GET", REST + "echo/x", new byte[0], "X-Road-Client", "DEV/GOV/1001/NOBODY"), 500,
                "Server.ClientProxy.UnknownMember");
        assertFault(rest("GET", "nonexistent/x", new byte[0]), 500, "Server.ServerProxy.UnknownService");
        assertThat(started()).isZero();
    }

    @Tag("security")
    @Test
    void pathTraversalAndXxeAreRefusedAtTheClientProxy() throws Exception {
        assertFault(rest("GET", "echo/public/..%2F..%2Fadmin", new byte[0]), 400, "Client.BadRequest");
        assertFault(rest("GET", "echo/public/%2e%2e/admin", new byte[0]), 400, "Client.BadRequest");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Header>"
                + "&e;</SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>";
        HttpResponse<byte[]> response = call("POST", "/", xxe.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "text/xml");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("<faultcode>Client.InvalidSoap</faultcode>").doesNotContain("root:");
        assertThat(started()).isZero();
    }

    @Tag("security")
    @Test
    void aTamperedBodyAndAForgedSignatureNeverCompleteAtTheProvider() throws Exception {
        tampering.set(frame -> frame.type() == FrameType.DATA ? flipped(frame) : frame);
        assertFault(rest("POST", "echo/x", new byte[5000]), 500, "Server.ServerProxy.InvalidReference");
        assertFault(rest("POST", "echo/x", new byte[1 << 20]), 500, "Server.ServerProxy.InvalidReference");
        tampering.set(frame -> frame.type() == FrameType.TRAILER ? forgedSignature(frame) : frame);
        assertFault(rest("POST", "echo/x", new byte[5000]), 500, "Server.ServerProxy.InvalidSignatureValue");
        assertFault(rest("POST", "echo/x", new byte[1 << 20]), 500, "Server.ServerProxy.InvalidSignatureValue");
        assertThat(completed()).isZero();
    }

    @Test
    void anExpiredConfigurationStopsTheExchange() throws Exception {
        consumerClock.advance(Duration.ofMinutes(11));
        try {
            assertFault(rest("GET", "echo/x", new byte[0]), 500, "Server.ClientProxy.OutdatedGlobalConf");
        } finally {
            consumerClock.advance(Duration.ofMinutes(-11));
        }
        assertThat(started()).isZero();
        assertThat(rest("GET", "echo/x", new byte[0]).statusCode()).isEqualTo(200);
    }

    @Test
    void providerDownAndProviderSlowAreServiceFailures() throws Exception {
        assertFault(rest("GET", "down/x", new byte[0]), 500, "Server.ServerProxy.ServiceFailed.NetworkError");
        HttpResponse<byte[]> slow = rest("GET", "slow/x", new byte[0], "X-Test-Delay-Ms", "3000");
        assertFault(slow, 500, "Server.ServerProxy.ServiceFailed.NetworkError");
        assertThat(json.readTree(slow.body()).get("message").asText()).contains("did not answer within 1 s");
        HttpResponse<byte[]> own = rest("GET", "echo/x", new byte[0], "X-Test-Status", "503");
        assertThat(own.statusCode()).as("the provider's own error passes unchanged").isEqualTo(503);
        assertThat(own.headers().firstValue("X-Road-Error")).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ss1.server.clientHttpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + REST + "echo/x HTTP/1.1\r\nHost: localhost\r\nX-Road-Client: DEV/GOV/1001/CONSUMER\r\n"
                    + "Content-Length: " + (MAX_BODY + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(readHead(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("X-Road-Error: Client.BadRequest");
        }
        HttpRequest streamed = HttpRequest.newBuilder(ss1.clientProxy(REST + "echo/x"))
                .header("X-Road-Client", "DEV/GOV/1001/CONSUMER")
                .POST(BodyPublishers.ofInputStream(() -> ProviderIs.generated(MAX_BODY + 1))).build();
        HttpResponse<byte[]> response = http.send(streamed, BodyHandlers.ofByteArray());
        assertFault(response, 400, "Client.BadRequest");
        assertThat(completed()).isZero();
    }

    @Tag("security")
    @Test
    void anAuthCertificateThatTheConfigurationDoesNotListIsRefusedInTheHandshake() throws Exception {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate rogue = federation.ca.issue(TestPki.Spec.auth("CN=Rogue"), keys.getPublic());
        byte[] ocsp = SignatureFixture.ocspResponse(federation.ca, rogue, java.time.Instant.now(), CertificateStatus.GOOD);
        AuthIdentity identity = new AuthIdentity() {
            @Override
            public java.security.PrivateKey privateKey() {
                return keys.getPrivate();
            }

            @Override
            public List<X509Certificate> chain() {
                return List.of(rogue);
            }

            @Override
            public byte[] ocspResponse() {
                return ocsp;
            }
        };
        SecurityServer target = federation.configuration().securityServer(ss2.id).orElseThrow();
        try (PeerClient client = new PeerClient(PeerClientConfig.DEFAULTS, identity,
                new PeerTrust(ss1.server.configuration(), Clock.systemUTC())).start()) {
            ZholException refused = catchThrowableOfType(ZholException.class, () -> client.connect(List.of(target)));
            assertThat(refused.faultCode().toString()).isEqualTo("SslAuthenticationFailed");
        }
        assertThat(started()).isZero();
    }

    @Tag("security")
    @Test
    void mutualTlsAcceptsOnlyAWhitelistedInformationSystem() throws Exception {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate isCertificate = TestPki.rootCa("CN=IS CA").issue(TestPki.Spec.auth("CN=consumer-is"),
                keys.getPublic());
        String path = "/clients/DEV:GOV:1001:CONSUMER/is-auth";
        ss1.adminCall("PUT", path, json.writeValueAsBytes(java.util.Map.of("mode", "MTLS")));
        ss1.adminCall("POST", path + "/certificates", json.writeValueAsBytes(java.util.Map.of("certificate",
                java.util.Base64.getEncoder().encodeToString(isCertificate.getEncoded()))));
        try {
            X509Certificate internal = new org.zhol.securityserver.net.InternalTls(ss1.config.dataDir().resolve(
                    org.zhol.securityserver.net.InternalTls.DIRECTORY)).certificate();
            URI https = URI.create("https://127.0.0.1:" + ss1.server.clientHttpsPort() + REST + "echo/mtls");
            HttpRequest request = HttpRequest.newBuilder(https).header("X-Road-Client", "DEV/GOV/1001/CONSUMER").build();
            HttpClient withCertificate = HttpClient.newBuilder().sslContext(tls(internal, keys, isCertificate)).build();
            HttpResponse<byte[]> accepted = withCertificate.send(request, BodyHandlers.ofByteArray());
            assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            HttpClient withoutCertificate = HttpClient.newBuilder().sslContext(tls(internal, null, null)).build();
            assertFault(withoutCertificate.send(request, BodyHandlers.ofByteArray()), 500,
                    "Server.ClientProxy.SslAuthenticationFailed");
            assertFault(rest("GET", "echo/plain", new byte[0]), 500, "Server.ClientProxy.SslAuthenticationFailed");
        } finally {
            ss1.adminCall("PUT", path, json.writeValueAsBytes(java.util.Map.of("mode", "NONE")));
        }
        assertThat(completed()).isEqualTo(1);
    }

    /** A TLS context that trusts {@code server} and presents {@code certificate} when given. */
    static javax.net.ssl.SSLContext tls(X509Certificate server, KeyPair keys, X509Certificate certificate)
            throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server);
        javax.net.ssl.TrustManagerFactory trustManagers = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trust);
        javax.net.ssl.KeyManager[] keyManagers = null;
        if (certificate != null) {
            java.security.KeyStore identity = java.security.KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("is", keys.getPrivate(), "x".toCharArray(), new X509Certificate[] {certificate});
            javax.net.ssl.KeyManagerFactory factory = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            factory.init(identity, "x".toCharArray());
            keyManagers = factory.getKeyManagers();
        }
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers.getTrustManagers(), null);
        return context;
    }

    @Test
    void failoverToTheSecondProviderServerLosesNoRequest() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(rest("GET", "echo/before/" + i, new byte[0]).statusCode()).isEqualTo(200);
        }
        ss3.stop();
        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> response = rest("POST", "echo/after/" + i, ("n" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        }
        assertThat(completed()).isEqualTo(15);
    }

    static Frame flipped(Frame frame) {
        byte[] copy = frame.payload().clone();
        copy[copy.length / 2] ^= 1;
        return new Frame(frame.type(), copy);
    }

    /** The trailer with one base64 character of the CMS's end (its signature value) changed. */
    static Frame forgedSignature(Frame frame) {
        String text = new String(frame.payload(), StandardCharsets.UTF_8);
        int start = text.indexOf("\"cms\":\"") + 7;
        int end = text.indexOf('"', start);
        int at = end - 6;
        String forged = text.substring(0, at) + (text.charAt(at) == 'A' ? 'B' : 'A') + text.substring(at + 1);
        return new Frame(frame.type(), forged.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toByteArray();
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
