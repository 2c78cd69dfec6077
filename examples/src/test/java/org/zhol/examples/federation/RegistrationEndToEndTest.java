// SPDX-License-Identifier: MIT
package org.zhol.examples.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.CentralServer;
import org.zhol.centralserver.CentralServerExtension;
import org.zhol.centralserver.CentralServerInit;
import org.zhol.centralserver.CentralServerMain;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.examples.devtrust.DevCa;
import org.zhol.examples.devtrust.DevOcspResponder;
import org.zhol.examples.devtrust.DevTsa;
import org.zhol.examples.federation.Api.Reply;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.SecurityServerMain;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.config.ConfigLoader;
import org.zhol.server.config.ListenerConfig;
import picocli.CommandLine;

/**
 * The acceptance test of joining an instance, everything real on loopback with ports chosen at run time:
 * the dev CA with its OCSP responder and the dev TSA; a central server initialised in a temporary
 * directory with a member class, members, the CA and the TSA, approving registrations by policy; two
 * security servers initialised with the CLI, with software tokens. Each server, through its admin API as
 * an operator would: imports the anchor, pins the central server's registration listener, generates AUTH
 * and SIGN keys, has the dev CA certify their CSRs, imports the certificates, adds its clients and
 * registers the certificate and the clients with signed requests. Then both see themselves and each other
 * in the verified configuration, their OCSP responses are fresh and healthy, and every request is
 * confirmed. The second server also hosts a subsystem of the first server's member, so that request
 * carries that member's signature as well; address, maintenance and a client deletion follow.
 */
class RegistrationEndToEndTest {

    static final String PIN = "e2e-pin-1234";
    static final SecurityServerId SS1 = SecurityServerId.parse("DEV/GOV/1001/SS1");
    static final SecurityServerId SS2 = SecurityServerId.parse("DEV/COM/2002/SS2");
    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");
    static final SubsystemId CONSUMER = SubsystemId.parse("DEV/COM/2002/CONSUMER");
    static final SubsystemId REPORTS = SubsystemId.parse("DEV/GOV/1001/REPORTS");

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new CopyOnWriteArrayList<>();
    private DevCa ca;
    private Api central;
    private int registrationPort;

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Test
    @Timeout(300)
    void twoSecurityServersJoinAndSeeEachOtherInTheVerifiedConfiguration() throws Exception {
        Node ss1;
        Node ss2;
        // The parts do not depend on each other until the servers join, so they start side by side.
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> trust = parallel.submit(() -> {
                startTrustServices();
                return null;
            });
            Future<Node> first = parallel.submit(() -> securityServer(SS1));
            Future<Node> second = parallel.submit(() -> securityServer(SS2));
            trust.get();
            ss1 = first.get();
            ss2 = second.get();
            Future<?> joined = parallel.submit(() -> {
                ss1.joinWith(List.of(PROVIDER), List.of(), "127.0.0.1:5501");
                return null;
            });
            ss2.joinWith(List.of(CONSUMER, REPORTS), List.of("DEV/GOV/1001"), "127.0.0.1:5502");
            joined.get();
        }

        for (Node node : List.of(ss1, ss2)) {
            node.awaitAllConfirmed();
            GlobalConfiguration seen = node.awaitSeeing(conf -> conf.securityServer(SS1).map(s -> s.clients().size())
                    .orElse(0) == 1 && conf.securityServer(SS2).map(s -> s.clients().size()).orElse(0) == 2);
            assertThat(seen.securityServer(SS1)).hasValueSatisfying(s -> {
                assertThat(s.clients()).containsExactly(PROVIDER);
                assertThat(s.address()).isEqualTo("127.0.0.1:5501");
                assertThat(s.authCertHashes()).containsExactly(ss1.authHash);
            });
            assertThat(seen.securityServer(SS2)).hasValueSatisfying(s -> {
                assertThat(s.clients()).containsExactlyInAnyOrder(CONSUMER, REPORTS);
                assertThat(s.authCertHashes()).containsExactly(ss2.authHash);
            });
            assertThat(node.api.get("/ocsp").expect(200).json())
                    .isNotEmpty().allSatisfy(s -> assertThat(s.path("fresh").asBoolean()).isTrue());
            Reply health = Api.await("health", () -> node.api.get("/health"), r -> r.status() == 200, null);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            Api.await("clients registered", () -> node.api.get("/clients"), r -> r.json().findValuesAsText("status")
                    .stream().allMatch("REGISTERED"::equals), null);
            assertThat(node.api.get("/registration/requests").json()).allSatisfy(r -> {
                assertThat(r.path("status").asText()).isEqualTo("CONFIRMED");
                assertThat(r.path("centralState").asText()).isEqualTo("APPROVED");
            });
        }
        String status = ss1.cli("status");
        assertThat(status).contains("registration: registered at 127.0.0.1:5501").contains("client DEV/GOV/1001/PROVIDER");

        changesAfterRegistration(ss1, ss2);
    }

    /** Address, maintenance on and off, and a client deletion: each confirmed by the next configuration. */
    private void changesAfterRegistration(Node ss1, Node ss2) throws Exception {
        ss1.api.put("/registration/address", Map.of("address", "ss1.dev.example:5500")).expect(202);
        assertThat(ss1.cli("maintenance", "on")).contains("maintenance mode on here").contains("maintenanceMode on");
        ss1.awaitAllConfirmed();
        Reply state = ss1.api.get("/registration").expect(200);
        assertThat(state.json().path("address").asText()).isEqualTo("ss1.dev.example:5500");
        assertThat(state.json().path("maintenance").asBoolean()).isTrue();
        ss1.api.put("/registration/maintenance", Map.of("enabled", false)).expect(202);

        Reply deletion = ss2.api.call("DELETE", "/clients/DEV:GOV:1001:REPORTS/registration", null).expect(202);
        assertThat(deletion.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(ss2.api.get("/clients/DEV:GOV:1001:REPORTS").json().path("status").asText())
                .isEqualTo("DELETION_REQUESTED");
        ss1.awaitAllConfirmed();
        ss2.awaitAllConfirmed();
        assertThat(ss1.api.get("/registration").json().path("maintenance").asBoolean()).isFalse();
        Api.await("deleted client SAVED", () -> ss2.api.get("/clients/DEV:GOV:1001:REPORTS"),
                r -> r.json().path("status").asText().equals("SAVED"), null);
        assertThat(ss2.server.configuration().require().securityServer(SS2).orElseThrow().clients())
                .containsExactly(CONSUMER);
        assertThat(ss1.cli("requests", "list")).contains("addressChange").contains("CONFIRMED");
    }

    /** The dev CA, OCSP responder and TSA, and the central server with the registry filled in. */
    private void startTrustServices() throws Exception {
        ca = new DevCa(dir.resolve("ca"));
        ca.start();
        DevOcspResponder responder = new DevOcspResponder(ca, new InetSocketAddress("127.0.0.1", 0));
        responder.start();
        running.add(responder);
        DevTsa tsa = DevTsa.onLoopback(dir.resolve("tsa"), 0);
        tsa.start();
        running.add(tsa);

        ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
        CentralServerConfig config = CentralServerConfig.DEFAULTS.withDataDir(dir.resolve("central").toString())
                .withListeners(new CentralServerConfig.Listeners(any, any, any)).withPolicy(1, true);
        List<CentralServerExtension> extensions = CentralServerMain.extensions(Optional.of("e2e-keystore-password"));
        String token = new CentralServerInit(config, extensions).initialise("DEV").secret();
        CentralServer server = new CentralServer(config, extensions).start();
        running.add(server);
        central = new Api(server.ports().get("admin"), token);
        registrationPort = server.ports().get("registration");

        central.post("/member-classes", Map.of("code", "GOV", "description", "Government")).expect(201);
        central.post("/member-classes", Map.of("code", "COM", "description", "Companies")).expect(201);
        central.post("/members", Map.of("memberClass", "GOV", "memberCode", "1001", "name", "Tax Board")).expect(201);
        central.post("/members", Map.of("memberClass", "COM", "memberCode", "2002", "name", "Shop")).expect(201);
        for (SubsystemId subsystem : List.of(PROVIDER, CONSUMER, REPORTS)) {
            central.post("/members/" + subsystem.member().memberClass() + "/" + subsystem.member().memberCode()
                    + "/subsystems", Map.of("subsystemCode", subsystem.subsystemCode())).expect(201);
        }
        central.post("/cas", Map.of("name", "DevCA", "certificate", TestPki.pem(ca.certificate()),
                "intermediates", List.of(), "ocspResponders", List.of(Map.of("url", responder.uri().toString())),
                "certificateProfile", DefaultCertificateProfile.ID)).expect(201);
        central.post("/tsas", Map.of("name", "DevTSA", "url", tsa.url().toString(), "certificate",
                TestPki.pem(tsa.certificate()))).expect(201);
    }

    /** A security server initialised with the CLI and started from the file that {@code init} wrote. */
    private Node securityServer(SecurityServerId id) throws Exception {
        Path data = dir.resolve(id.serverCode());
        Path pinFile = dir.resolve(id.serverCode() + ".pin");
        Files.writeString(pinFile, PIN, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        int exit = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true)).execute("init", "--data-dir",
                data.toString(), "--owner", id.owner().toPath(), "--server-code", id.serverCode(), "--pin-file",
                pinFile.toString(), "--set", "registration.checkIntervalSeconds=1");
        assertThat(exit).as(out.toString()).isZero();
        String token = out.toString().lines().filter(l -> l.startsWith("admin token")).findFirst().orElseThrow()
                .replaceAll(".*: ", "").strip();
        SecurityServerConfig config = new ConfigLoader().load(SecurityServerConfig.DEFAULTS,
                data.resolve("security-server.yaml"), List.of())
                .withListeners(SecurityServerConfig.Listeners.ephemeral());
        SecurityServer server = new SecurityServer(config, PinSource.fromFile(pinFile)).start();
        running.add(server);
        return new Node(id, server, new Api(server.adminPort(), token), token);
    }

    /** One security server under test, driven through its admin API. */
    private final class Node {
        final SecurityServerId id;
        final SecurityServer server;
        final Api api;
        final String token;
        org.zhol.protocol.globalconf.CertificateHash authHash;

        Node(SecurityServerId id, SecurityServer server, Api api, String token) {
            this.id = id;
            this.server = server;
            this.api = api;
            this.token = token;
        }

        /**
         * Anchor, central server pin, keys and certificates (SIGN keys for the owner and for
         * {@code otherMembers}), clients, then the registrations.
         */
        void joinWith(List<SubsystemId> clients, List<String> otherMembers, String address) throws Exception {
            Reply anchor = api.post("/anchor", central.bytes("/anchor")).expect(200);
            assertThat(anchor.json().at("/configuration/valid").asBoolean()).isTrue();
            JsonNode tls = central.get("/registration-tls").expect(200).json();
            Reply pinned = api.put("/registration/central", Map.of("url", "https://127.0.0.1:" + registrationPort + "/",
                    "tlsSha256", tls.path("sha256").asText())).expect(200);
            assertThat(pinned.json().path("tlsSha256Source").asText()).isEqualTo("ADMIN");

            JsonNode auth = certify("AUTH", null, "CN=" + id.serverCode() + ", O=" + id.owner().memberClass(),
                    CertificateRole.AUTHENTICATION);
            authHash = new org.zhol.protocol.globalconf.CertificateHash(auth.at("/certificates/0/sha256").asText());
            List<String> members = new ArrayList<>(List.of(id.owner().toPath()));
            members.addAll(otherMembers);
            for (String member : members) {
                String[] parts = member.split("/");
                certify("SIGN", member, "CN=" + parts[2] + ", O=" + parts[1] + ", serialNumber=" + member,
                        CertificateRole.SIGNING);
            }
            for (SubsystemId client : clients) {
                api.post("/clients", Map.of("id", client.toPath())).expect(201);
            }

            Reply registered = api.post("/registration/auth-cert", Map.of("address", address)).expect(202);
            assertThat(registered.json().path("type").asText()).isEqualTo("authCertReg");
            assertThat(registered.json().path("centralState").asText()).isEqualTo("APPROVED");
            for (SubsystemId client : clients) {
                Reply sent = api.post("/clients/" + client.toPath().replace('/', ':') + "/registration", null)
                        .expect(202);
                assertThat(sent.json().path("status").asText()).isEqualTo("SUBMITTED");
                assertThat(api.get("/clients/" + client.toPath().replace('/', ':')).json().path("status").asText())
                        .isEqualTo("REGISTRATION_REQUESTED");
            }
        }

        /** A key, its CSR certified by the dev CA, and the certificate imported. */
        JsonNode certify(String role, String member, String subject, CertificateRole certificateRole)
                throws Exception {
            Reply key = api.post("/keys", member == null ? Map.of("role", role, "label", role.toLowerCase())
                    : Map.of("role", role, "member", member, "label", "sign " + member)).expect(201);
            String keyId = key.json().path("keyId").asText();
            String csrPem = api.post("/keys/" + keyId + "/csr", Map.of("subject", subject)).expect(200).json()
                    .path("csr").asText();
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(
                    csrPem.replaceAll("-----[A-Z ]+-----", "").strip()));
            String pem = TestPki.pem(ca.issue(csr, certificateRole));
            return api.post("/certificates", Map.of("certificate", pem)).expect(200).json();
        }

        /** Waits, downloading the configuration now and then, until no request is open. */
        void awaitAllConfirmed() throws Exception {
            Api.await(id + " requests confirmed", () -> api.get("/registration/requests"),
                    r -> r.status() == 200 && r.json().findValuesAsText("status").stream()
                            .allMatch(s -> s.equals("CONFIRMED") || s.equals("SUPERSEDED")),
                    () -> api.post("/configuration/refresh", null));
        }

        /** Waits, downloading the configuration now and then, until the verified configuration held fits. */
        GlobalConfiguration awaitSeeing(java.util.function.Predicate<GlobalConfiguration> fits) throws Exception {
            Api.await(id + " seeing both servers", () -> api.post("/configuration/refresh", null),
                    r -> r.status() == 200 && fits.test(server.configuration().require()), null);
            return server.configuration().require();
        }

        String cli(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--admin-url", api.base(), "--token", token));
            int exit = SecurityServerMain.commandLine().setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
            assertThat(exit).as(String.join(" ", args) + ": " + out + err).isZero();
            return out.toString();
        }
    }
}
