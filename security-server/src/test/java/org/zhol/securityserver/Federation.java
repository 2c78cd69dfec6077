// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.exchange.MessageLog;
import org.zhol.securityserver.exchange.PeerConnector;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.admin.ApiRole;

/**
 * A whole federation on loopback for the end-to-end tests of the exchange: a test CA with its OCSP
 * responder, a central server stub that serves the signed global configuration, and real security
 * servers, each initialised with a PIN, with AUTH and SIGN keys whose certificates the CA issued and the
 * admin API imported, and the configuration anchor imported, until {@code /health} is green.
 */
final class Federation implements AutoCloseable {

    static final PinSource PIN = PinSource.of("fed-pin".toCharArray());
    /** The servers' own message log, unwrapped. */
    static final UnaryOperator<MessageLog> REAL_LOG = UnaryOperator.identity();
    static final TrustParameters TRUST = new TrustParameters(Duration.ofDays(1), Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    final TestPki.Issuer ca = TestPki.rootCa("CN=Federation CA, O=Zhol");
    final TrustServers.CentralServer centralServer = new TrustServers.CentralServer("DEV");
    final TrustServers.OcspResponder responder = new TrustServers.OcspResponder(ca, Clock.systemUTC());
    final ConfigurationSigningKey signingKey = SecurityServerTrustEndToEndTest.signingKey();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ObjectMapper json = new ObjectMapper();
    final Path dir;
    final List<Node> nodes = new ArrayList<>();
    final Map<MemberId, List<SubsystemId>> members = new LinkedHashMap<>();
    /** Applied to every published configuration: tests add servers that are not nodes (rogue peers). */
    UnaryOperator<GlobalConfiguration> published = UnaryOperator.identity();
    long generation;

    Federation(Path dir) {
        this.dir = dir;
        responder.start();
        centralServer.start();
    }

    /** One security server of the federation. */
    final class Node {
        final SecurityServerId id;
        final List<SubsystemId> clients;
        final Clock clock;
        final SecurityServerConfig config;
        SecurityServer server;
        String token;
        X509Certificate auth;
        X509Certificate sign;
        boolean listed = true;
        int serverProxyPort;

        Node(SecurityServerId id, List<SubsystemId> clients, Clock clock, SecurityServerConfig config) {
            this.id = id;
            this.clients = clients;
            this.clock = clock;
            this.config = config;
        }

        String admin() {
            return "http://127.0.0.1:" + server.adminPort();
        }

        URI clientProxy(String path) {
            return URI.create("http://127.0.0.1:" + server.clientHttpPort() + path);
        }

        String address() {
            return "127.0.0.1:" + serverProxyPort;
        }

        int adminCall(String method, String path, byte[] body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(admin() + path))
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
                    .header("Authorization", "Bearer " + token).build();
            var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
            return response.statusCode();
        }

        void stop() {
            server.close();
        }
    }

    /**
     * Starts a security server of {@code owner} with code {@code code}, hosting {@code clients}: keys,
     * certificates (imported over the admin API, so that their OCSP responses are fetched at once).
     */
    Node start(MemberId owner, String code, List<SubsystemId> clients, Clock clock, ExchangeConfig exchange,
            UnaryOperator<MessageLog> log, UnaryOperator<PeerConnector> connector) throws Exception {
        return start(owner, code, clients, clock, exchange, log, connector, SecurityServerConfig.TokenSection.DEFAULTS);
    }

    /** Starts a security server as above with the token section {@code token} (e.g. batch signing on). */
    Node start(MemberId owner, String code, List<SubsystemId> clients, Clock clock, ExchangeConfig exchange,
            UnaryOperator<MessageLog> log, UnaryOperator<PeerConnector> connector, SecurityServerConfig.TokenSection token)
            throws Exception {
        members.computeIfAbsent(owner, m -> new ArrayList<>());
        clients.forEach(c -> {
            if (!members.get(owner).contains(c)) {
                members.get(owner).add(c);
            }
        });
        SecurityServerConfig config = SecurityServerConfig.DEFAULTS.withIdentity(owner, code, dir.resolve(code))
                .withListeners(SecurityServerConfig.Listeners.ephemeral()).withExchange(exchange).withToken(token);
        new TokenInit(PIN).run(config, null);
        Node node = new Node(new SecurityServerId(owner, code), clients, clock, config);
        node.server = new SecurityServer(config, PIN, new TrustServices.Timing(clock, Duration.ofMillis(50),
                Duration.ofSeconds(1)), new SecurityServer.Hooks(log, connector)).start();
        node.token = node.server.tokens().issue("e2e", ApiRole.ADMIN).secret();
        node.serverProxyPort = node.server.serverProxyPort();
        KeyInfo auth = node.server.signer().generateKey(KeyRole.AUTH, Optional.empty(), "tls");
        KeyInfo sign = node.server.signer().generateKey(KeyRole.SIGN, Optional.of(owner), "signing");
        node.auth = ca.issue(TestPki.Spec.auth("CN=" + code + ", O=" + owner.memberClass()), auth.publicKey());
        node.sign = ca.issue(TestPki.Spec.sign("CN=" + owner.memberCode() + ", O=" + owner.memberClass()
                + ", serialNumber=" + owner.toPath()), sign.publicKey());
        responder.know(node.auth);
        responder.know(node.sign);
        for (X509Certificate certificate : List.of(node.auth, node.sign)) {
            node.adminCall("POST", "/certificates", json.writeValueAsBytes(Map.of("certificate",
                    Base64.getEncoder().encodeToString(certificate.getEncoded()))));
        }
        for (SubsystemId client : clients) {
            node.server.registry().addClient(client);
        }
        nodes.add(node);
        return node;
    }

    /** The configuration of the federation as it stands: every listed server with its address and AUTH hash. */
    GlobalConfiguration configuration() {
        return new GlobalConfiguration("DEV", List.of(new MemberClass("GOV", "Government"),
                new MemberClass("COM", "Companies")),
                members.entrySet().stream().map(e -> new Member(e.getKey(), e.getKey().memberCode(), e.getValue()))
                        .toList(),
                nodes.stream().filter(n -> n.listed).map(n -> new org.zhol.protocol.globalconf.SecurityServer(n.id,
                        n.address(), List.of(CertificateHash.of(n.auth)), List.copyOf(n.clients), false)).toList(),
                List.of(), List.of(new ApprovedCa("Federation CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(responder.url(), Optional.empty())), "default")),
                List.of(), TRUST);
    }

    /** Publishes the next generation and, the first time, imports the anchor into every server. */
    void publish() throws Exception {
        generation++;
        centralServer.publish(generation, new GlobalConfWriter(signingKey).write(published.apply(configuration()),
                generation, Instant.now()));
        byte[] anchor = ConfigurationAnchorCodec.encode(new ConfigurationAnchor("DEV", List.of(centralServer.url()),
                List.of(signingKey.certificate())));
        for (Node node : nodes) {
            if (generation == 1) {
                node.adminCall("POST", "/anchor", anchor);
            }
        }
    }

    /** Waits until every running server is healthy and holds generation {@code generation}. */
    void awaitHealthy() throws Exception {
        for (Node node : nodes) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                var health = http.send(HttpRequest.newBuilder(URI.create(node.admin() + "/health")).build(),
                        BodyHandlers.ofString());
                var configuration = node.server.configuration().status();
                if (health.statusCode() == 200 && configuration.generation() == generation) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    fail(node.id + " did not turn healthy: " + health.body() + " " + configuration);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                // closed already
            }
        }
        centralServer.close();
        responder.close();
    }
}
