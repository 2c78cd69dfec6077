// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.protocol.transport.TransportLimits;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.OwnAuthIdentity;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.securityserver.exchange.PeerTrust;
import org.zhol.securityserver.exchange.ProviderIs;
import org.zhol.securityserver.net.PeerClient;
import org.zhol.securityserver.net.PeerClientConfig;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.testing.MutableClock;

/**
 * The security tests of issue #10 against real security servers on loopback (SS1 hosts the consumer, SS2
 * the provider; a CA with its OCSP responder; a central server stub; a provider IS): replay and clock skew
 * between the servers, the peer TLS refusals, the admin API's guards, and the client proxy's limits while it
 * keeps serving others. Every refusal is checked for its exact code and for reaching nothing at the
 * provider. The threat model ({@code protocol-spec/docs/threat-model.md}) points here and at the other
 * tests tagged {@code security}.
 */
@Tag("security")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityServerSecurityTest {

    static final MemberId GOV = MemberId.parse("DEV/GOV/1001");
    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = GOV.subsystem("CONSUMER");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final ServiceId ECHO = PROVIDER.service("echo");
    static final String REST = "/r1/DEV/COM/2002/PROVIDER/";
    static final Duration WAIT = Duration.ofSeconds(30);

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final MutableClock consumerClock = MutableClock.atNow();
    final MutableClock providerClock = MutableClock.atNow();
    final Tampering tampering = new Tampering();
    final TestPki.Issuer unapprovedCa = TestPki.rootCa("CN=Unapproved CA, O=Elsewhere");
    Federation federation;
    ProviderIs provider;
    Federation.Node ss1;
    Federation.Node ss2;
    /** Registered, but issued by a CA the configuration does not approve. */
    Rogue foreign;
    /** Registered and of the approved CA, but its OCSP response says revoked. */
    Rogue revoked;
    /** Registered, good, of the provider's member, hosting nothing: not the consumer's server. */
    Rogue other;
    /** Of the approved CA with a good OCSP response, but not registered. */
    Rogue unregistered;
    int startedBefore;

    /** A peer that is not a node: its own key, certificate and stapled OCSP response. */
    record Rogue(SecurityServerId id, KeyPair keys, X509Certificate certificate, byte[] ocsp) implements AuthIdentity {
        @Override
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }

        @Override
        public List<X509Certificate> chain() {
            return List.of(certificate);
        }

        @Override
        public byte[] ocspResponse() {
            return ocsp.clone();
        }

        org.zhol.protocol.globalconf.SecurityServer listing() {
            return new org.zhol.protocol.globalconf.SecurityServer(id, "127.0.0.1:1",
                    List.of(CertificateHash.of(certificate)), List.of(), false);
        }
    }

    static Rogue rogue(TestPki.Issuer ca, String code, CertificateStatus status) {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate certificate = ca.issue(TestPki.Spec.auth("CN=" + code + ", O=COM"), keys.getPublic());
        return new Rogue(new SecurityServerId(COM, code), keys, certificate,
                SignatureFixture.ocspResponse(ca, certificate, Instant.now(), status));
    }

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        federation = new Federation(dir);
        provider = new ProviderIs();
        ExchangeConfig exchange = ExchangeConfig.DEFAULTS.withPeerTimeoutSeconds(30);
        ss1 = federation.start(GOV, "SS1", List.of(CONSUMER), consumerClock, exchange, Federation.REAL_LOG, tampering);
        ss2 = federation.start(COM, "SS2", List.of(PROVIDER), providerClock, exchange, Federation.REAL_LOG, c -> c);
        ss2.server.registry().addService(new LocalService(ECHO, ServiceType.REST, provider.restUrl(), Optional.empty(),
                Duration.ofSeconds(10), true));
        ss2.server.registry().grant(AccessRight.wholeService(ECHO, CONSUMER));
        foreign = rogue(unapprovedCa, "ROGUE-CA", CertificateStatus.GOOD);
        revoked = rogue(federation.ca, "ROGUE-REVOKED",
                new RevokedStatus(java.util.Date.from(Instant.now().minusSeconds(3600)), 1));
        other = rogue(federation.ca, "ROGUE-OTHER", CertificateStatus.GOOD);
        unregistered = rogue(federation.ca, "ROGUE-UNLISTED", CertificateStatus.GOOD);
        federation.published = conf -> withServers(conf, foreign, revoked, other);
        federation.publish();
        federation.awaitHealthy();
    }

    static GlobalConfiguration withServers(GlobalConfiguration conf, Rogue... rogues) {
        List<org.zhol.protocol.globalconf.SecurityServer> servers = new ArrayList<>(conf.securityServers());
        Stream.of(rogues).map(Rogue::listing).forEach(servers::add);
        return new GlobalConfiguration(conf.instance(), conf.memberClasses(), conf.members(), servers,
                conf.globalGroups(), conf.approvedCas(), conf.approvedTsas(), conf.trustParameters());
    }

    @AfterAll
    void tearDown() {
        provider.close();
        federation.close();
    }

    @BeforeEach
    void count() {
        tampering.off();
        // Both servers' clocks agree, and are now, at the start of each test.
        Instant now = Instant.now();
        consumerClock.set(now);
        providerClock.set(now);
        startedBefore = provider.started();
    }

    int started() {
        return provider.started() - startedBefore;
    }

    // ---- Replay and clock skew (transport.md §13) ----

    @Test
    void aCapturedRequestReplayedToTheServerProxyIsRefusedAndReachesNothing() throws Exception {
        List<Frame> captured = capture(() -> rest("POST", "echo/once", "pay 100".getBytes(StandardCharsets.UTF_8)));
        assertThat(started()).isEqualTo(1);

        try (PeerClient replayer = peerClient(ownIdentity(ss1))) {
            assertThat(replay(replayer, captured)).isEqualTo("Server.ServerProxy.DuplicateMessageId");
            assertThat(replay(replayer, captured)).isEqualTo("Server.ServerProxy.DuplicateMessageId");
        }
        assertThat(started()).as("the replays reached nothing").isEqualTo(1);
    }

    @Test
    void aCapturedRequestReplayedAfterTheWindowIsRefusedForItsSigningTime() throws Exception {
        List<Frame> captured = capture(() -> rest("GET", "echo/later", new byte[0]));
        providerClock.advance(Duration.ofSeconds(ExchangeConfig.DEFAULT_REPLAY_WINDOW_SECONDS + 2));
        try (PeerClient replayer = peerClient(ownIdentity(ss1))) {
            assertThat(replay(replayer, captured)).isEqualTo("Server.ServerProxy.InvalidSigningTime");
        }
        assertThat(started()).isEqualTo(1);
    }

    @Test
    void anInformationSystemThatReusesAMessageIdIsRefusedTheSecondTime() throws Exception {
        String id = "fixed-" + UUID.randomUUID();
        assertThat(rest("GET", "echo/first", new byte[0], "X-Road-Id", id).statusCode()).isEqualTo(200);
        assertFault(rest("GET", "echo/second", new byte[0], "X-Road-Id", id), 500,
                "Server.ServerProxy.DuplicateMessageId");
        assertThat(started()).isEqualTo(1);
    }

    @Test
    void clockSkewBeyondTheToleranceBetweenTheServersIsADefinedError() throws Exception {
        Duration skew = Duration.ofSeconds(ExchangeConfig.DEFAULT_REPLAY_WINDOW_SECONDS + 60);
        // The provider's server ahead, then the consumer's (whose signing time is then in the provider's future).
        for (MutableClock ahead : List.of(providerClock, consumerClock)) {
            Instant now = Instant.now();
            consumerClock.set(now);
            providerClock.set(now);
            ahead.advance(skew);
            HttpResponse<byte[]> refused = rest("GET", "echo/skewed", new byte[0]);
            assertFault(refused, 500, "Server.ServerProxy.InvalidSigningTime");
            assertThat(json.readTree(refused.body()).get("message").asText()).contains("clocks");
        }
        assertThat(started()).isZero();
        Instant now = Instant.now();
        consumerClock.set(now);
        providerClock.set(now.plus(skew).minusSeconds(120));
        assertThat(rest("GET", "echo/within", new byte[0]).statusCode()).as("a skew within the tolerance")
                .isEqualTo(200);
    }

    // ---- Peer TLS (transport.md §1-2) ----

    @Test
    void anUnregisteredAuthCertificateIsRefusedInTheHandshake() {
        assertThat(connectAs(unregistered)).isEqualTo("SslAuthenticationFailed");
        assertThat(started()).isZero();
    }

    @Test
    void aRegisteredCertificateFromAnUnapprovedCaIsRefusedInTheHandshake() {
        assertThat(connectAs(foreign)).isEqualTo("SslAuthenticationFailed");
        assertThat(started()).isZero();
    }

    @Test
    void aRevokedAuthCertificateIsRefusedAtHello() {
        assertThat(connectAs(revoked)).isEqualTo("Server.ServerProxy.CertValidation");
        assertThat(started()).isZero();
    }

    @Test
    void aServerThatDoesNotHostTheClientCannotSpeakForItsMember() throws Exception {
        List<Frame> captured = capture(() -> rest("GET", "echo/mine", new byte[0]));
        try (PeerClient impostor = peerClient(other)) {
            assertThat(replay(impostor, captured)).isEqualTo("Server.ServerProxy.SslAuthenticationFailed");
        }
        assertThat(started()).isEqualTo(1);
    }

    @Test
    void aTls12ClientIsRefusedByTheServerProxyWhereTls13IsAccepted() throws Exception {
        try (SSLSocket old = socketAs(other, "TLSv1.2")) {
            assertThatThrownBy(old::startHandshake).isInstanceOf(SSLException.class);
        }
        try (SSLSocket current = socketAs(other, "TLSv1.3")) {
            current.startHandshake();
            assertThat(current.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        assertThat(started()).isZero();
    }

    // ---- Admin API ----

    @Test
    void theAdminApiRefusesNoTokenAWrongTokenAndAReadOnlyTokenWriting() throws Exception {
        String readOnly = ss1.server.tokens().issue("reader-" + UUID.randomUUID(), ApiRole.READ_ONLY).secret();
        assertAdminFault(admin("GET", "/clients", null, null), 401);
        assertAdminFault(admin("GET", "/clients", "zhol_forged", null), 401);
        assertThat(admin("GET", "/clients", readOnly, null).statusCode()).isEqualTo(200);
        byte[] client = json.writeValueAsBytes(Map.of("id", "DEV/GOV/1001/SNEAKY"));
        assertAdminFault(admin("POST", "/clients", readOnly, client), 403);
        assertAdminFault(admin("DELETE", "/clients/DEV:GOV:1001:CONSUMER", readOnly, null), 403);
        assertThat(ss1.server.registry().clients().stream().map(c -> c.id().toPath()))
                .doesNotContain("DEV/GOV/1001/SNEAKY").contains("DEV/GOV/1001/CONSUMER");
    }

    @Test
    void theAdminApiBoundToLoopbackCannotBeReachedFromAnotherAddress() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");
        assertThat(ss1.config.listeners().admin().host()).isEqualTo("127.0.0.1");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), ss1.server.adminPort()),
                    5000)).isInstanceOf(ConnectException.class);
        }
        assertThat(admin("GET", "/clients", ss1.token, null).statusCode()).as("still there on loopback")
                .isEqualTo(200);
    }

    // ---- Client proxy limits, while the proxy serves others ----

    @Test
    void headerFloodsAreRefusedWhileOthersAreServed() throws Exception {
        StringBuilder many = new StringBuilder("GET " + REST + "echo/x HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 250; i++) {
            many.append("X-Flood-").append(i).append(": v\r\n");
        }
        String tooMany = many.append("\r\n").toString();
        String tooLarge = "GET " + REST + "echo/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n";
        List<String> answers = underAttack(List.of(tooMany, tooLarge, tooMany, tooLarge));
        for (String answer : answers) {
            assertThat(answer).startsWith("HTTP/1.1 431 ").contains("X-Road-Error: Client.BadRequest");
        }
        assertThat(started()).as("only the normal requests").isEqualTo(answers.size());
    }

    @Test
    void aVeryLongUrlIsRefusedWhileOthersAreServed() throws Exception {
        String longUrl = "GET " + REST + "echo/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        for (String answer : underAttack(List.of(longUrl, longUrl))) {
            assertThat(answer).startsWith("HTTP/1.1 414 ").contains("X-Road-Error: Client.BadRequest");
        }
        assertThat(started()).isEqualTo(2);
    }

    @Test
    void deepXmlXxeAndBillionLaughsAreRefusedWhileOthersAreServed() throws Exception {
        Path secret = Files.writeString(Files.createTempFile("zhol-xxe", ".txt"), "TOP-SECRET-MARKER");
        String envelope = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Header>%s</SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>";
        String deep = envelope.formatted("<a>".repeat(5_000) + "</a>".repeat(5_000));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + envelope.formatted("&e;");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        String billion = laughs.append("]>").append(envelope.formatted("&lol9;")).toString();
        List<String> attacks = Stream.of(deep, xxe, billion).map(SecurityServerSecurityTest::soapPost).toList();
        List<String> answers = underAttack(attacks);
        for (String answer : answers) {
            assertThat(answer).startsWith("HTTP/1.1 500 ").contains("<faultcode>Client.InvalidSoap</faultcode>")
                    .doesNotContain("TOP-SECRET-MARKER").doesNotContain("lollol");
        }
        assertThat(started()).isEqualTo(answers.size());
    }

    @Test
    void pathTraversalInRestPathsIsRefused() throws Exception {
        List<String> paths = List.of("echo/../../admin", "echo/%2e%2e/%2e%2e/admin", "echo/public/..%2F..%2Fadmin",
                "echo/%2E%2E%5Cadmin", "echo/./x", "echo/a%00b");
        for (String path : paths) {
            String answer = raw("GET " + REST + path + " HTTP/1.1\r\nHost: x\r\nX-Road-Client: DEV/GOV/1001/CONSUMER"
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ").contains("X-Road-Error: Client.BadRequest");
        }
        assertThat(started()).isZero();
    }

    @Test
    void aSlowlorisConnectionHoldsNothingBackFromOthers() throws Exception {
        AtomicBoolean trickling = new AtomicBoolean(true);
        try (Socket slow = new Socket("127.0.0.1", ss1.server.clientHttpPort())) {
            slow.setSoTimeout(200);
            OutputStream out = slow.getOutputStream();
            byte[] head = ("GET " + REST + "echo/slow HTTP/1.1\r\nHost: x\r\nX-Road-Client: DEV/GOV/1001/CONSUMER\r\n"
                    + "X-Padding: " + "p".repeat(500)).getBytes(StandardCharsets.US_ASCII);
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < head.length && trickling.get(); i++) {
                        out.write(head[i]);
                        out.flush();
                        Thread.sleep(5);
                    }
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            for (int i = 0; i < 5; i++) {
                assertThat(rest("GET", "echo/meanwhile/" + i, new byte[0]).statusCode()).isEqualTo(200);
            }
            assertThat(catchThrowableOfType(SocketTimeoutException.class, () -> slow.getInputStream().read()))
                    .as("the slow request has not been answered or dispatched").isNotNull();
            trickling.set(false);
            trickler.join(WAIT);
        }
        assertThat(started()).isEqualTo(5);
    }

    // ---- helpers ----

    /** Runs the request and returns the frames that SS1 sent to SS2 for it. */
    List<Frame> capture(ThrowingCall call) throws Exception {
        List<Frame> frames = new CopyOnWriteArrayList<>();
        tampering.set(frame -> {
            frames.add(frame);
            return frame;
        });
        HttpResponse<byte[]> response;
        try {
            response = call.run();
        } finally {
            tampering.off();
        }
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(frames.getFirst().type()).isEqualTo(FrameType.META);
        assertThat(frames.getLast().type()).isEqualTo(FrameType.TRAILER);
        return List.copyOf(frames);
    }

    interface ThrowingCall {
        HttpResponse<byte[]> run() throws Exception;
    }

    AuthIdentity ownIdentity(Federation.Node node) {
        return new OwnAuthIdentity(node.id, node.server.signer(), node.server.ownOcspResponses(),
                node.server.configuration());
    }

    PeerClient peerClient(AuthIdentity identity) {
        return new PeerClient(PeerClientConfig.DEFAULTS, identity, new PeerTrust(ss1.server.configuration(),
                Clock.systemUTC())).start();
    }

    org.zhol.protocol.globalconf.SecurityServer ss2Listing() {
        return ss1.server.configuration().require().securityServer(ss2.id).orElseThrow();
    }

    /** Sends {@code frames} to SS2 on a new connection and returns the code of the FAULT it answers with. */
    String replay(PeerClient client, List<Frame> frames) {
        PeerChannel channel = client.connect(List.of(ss2Listing()));
        try {
            for (Frame frame : frames) {
                channel.send(frame);
            }
            Frame answer = channel.receive(WAIT);
            assertThat(answer.type()).as("the answer to a replay").isEqualTo(FrameType.FAULT);
            return TransportFaultCodec.decode(answer.payload(), TransportLimits.DEFAULT).toException().faultCode()
                    .toString();
        } finally {
            channel.release(false);
        }
    }

    /** Connects to SS2 as {@code identity}; returns the code of the refusal. */
    String connectAs(AuthIdentity identity) {
        try (PeerClient client = peerClient(identity)) {
            ZholException refused = catchThrowableOfType(ZholException.class,
                    () -> client.connect(List.of(ss2Listing())).release(false));
            assertThat(refused).as("refused").isNotNull();
            return refused.faultCode().toString();
        }
    }

    SSLSocket socketAs(Rogue identity, String protocol) throws Exception {
        SSLSocket socket = (SSLSocket) SecurityServerExchangeEndToEndTest.tls(ss2.auth, identity.keys(),
                identity.certificate()).getSocketFactory().createSocket("127.0.0.1", ss2.server.serverProxyPort());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setSoTimeout(10_000);
        return socket;
    }

    HttpResponse<byte[]> rest(String method, String path, byte[] body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("X-Road-Client", "DEV/GOV/1001/CONSUMER"));
        all.addAll(List.of(headers));
        HttpRequest request = HttpRequest.newBuilder(ss1.clientProxy(REST + path))
                .method(method, body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
                .headers(all.toArray(String[]::new)).build();
        return http.send(request, BodyHandlers.ofByteArray());
    }

    void assertFault(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Road-Error")).contains(code);
        assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo(code);
    }

    HttpResponse<byte[]> admin(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ss1.admin() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofByteArray());
    }

    void assertAdminFault(HttpResponse<byte[]> response, int status) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("type").asText()).isEqualTo("AccessDenied");
    }

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static String soapPost(String envelope) {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + envelope;
    }

    /**
     * Sends each attack on its own connection, all at once, while normal requests run one after another
     * until every attack is answered; returns the attacks' answers. One normal request per attack.
     */
    List<String> underAttack(List<String> attacks) throws Exception {
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Thread> attackers = new ArrayList<>();
        for (String attack : attacks) {
            attackers.add(Thread.ofVirtual().start(() -> {
                try {
                    answers.add(raw(attack));
                } catch (IOException e) {
                    answers.add("failed: " + e);
                }
            }));
        }
        for (int i = 0; i < attacks.size(); i++) {
            HttpResponse<byte[]> normal = rest("POST", "echo/normal/" + i, ("n" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(normal.statusCode()).as("a normal request during the attack").isEqualTo(200);
        }
        for (Thread attacker : attackers) {
            attacker.join(WAIT);
        }
        assertThat(answers).hasSize(attacks.size());
        return answers;
    }

    /** One raw HTTP exchange with the client proxy: what it answers until it closes the connection. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", ss1.server.clientHttpPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException refusedEarly) {
                // The proxy may answer and stop reading before the whole attack is written.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A reset after the answer: what arrived is the answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
