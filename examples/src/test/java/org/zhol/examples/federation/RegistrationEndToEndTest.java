// SPDX-License-Identifier: MIT
package org.zhol.examples.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.examples.sandbox.AdminClient;
import org.zhol.examples.sandbox.AdminClient.Reply;
import org.zhol.examples.sandbox.CentralNode;
import org.zhol.examples.sandbox.DevTrustServices;
import org.zhol.examples.sandbox.Federation;
import org.zhol.examples.sandbox.Federation.Joined;
import org.zhol.examples.sandbox.SecurityServerNode;
import org.zhol.examples.sandbox.SecurityServerPorts;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.server.config.ListenerConfig;

/**
 * The acceptance test of joining an instance, everything real on loopback with ports chosen at run time,
 * through the same steps as the sandbox ({@code org.zhol.examples.sandbox}): the dev CA with its OCSP
 * responder and the dev TSA; a central server initialised in a temporary directory with a member class,
 * members, the CA and the TSA, approving registrations by policy; two security servers initialised with
 * the CLI, with software tokens. Each server, through its admin API as an operator would: imports the
 * anchor, pins the central server's registration listener, generates AUTH and SIGN keys, has the dev CA
 * certify their CSRs, imports the certificates, adds its clients and registers the certificate and the
 * clients with signed requests. Then both see themselves and each other in the verified configuration,
 * their OCSP responses are fresh and healthy, and every request is confirmed. The second server also
 * hosts a subsystem of the first server's member, so that request carries that member's signature as
 * well; address, maintenance and a client deletion follow.
 */
class RegistrationEndToEndTest {

    static final String PIN = "e2e-pin-1234";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final SecurityServerId SS1 = SecurityServerId.parse("DEV/GOV/1001/SS1");
    static final SecurityServerId SS2 = SecurityServerId.parse("DEV/COM/2002/SS2");
    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");
    static final SubsystemId CONSUMER = SubsystemId.parse("DEV/COM/2002/CONSUMER");
    static final SubsystemId REPORTS = SubsystemId.parse("DEV/GOV/1001/REPORTS");

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new CopyOnWriteArrayList<>();
    private Federation federation;

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable part : running.reversed()) {
            part.close();
        }
    }

    @Test
    @Timeout(300)
    void twoSecurityServersJoinAndSeeEachOtherInTheVerifiedConfiguration() throws Exception {
        SecurityServerNode ss1;
        SecurityServerNode ss2;
        Joined joined1;
        Joined joined2;
        // The parts do not depend on each other until the servers join, so they start side by side.
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> trust = parallel.submit(this::startTrustServices);
            Future<SecurityServerNode> first = parallel.submit(() -> securityServer(SS1));
            Future<SecurityServerNode> second = parallel.submit(() -> securityServer(SS2));
            trust.get();
            ss1 = first.get();
            ss2 = second.get();
            Future<Joined> firstJoined = parallel.submit(() -> federation.join(ss1, List.of(PROVIDER), List.of(),
                    "127.0.0.1:5501"));
            joined2 = federation.join(ss2, List.of(CONSUMER, REPORTS), List.of(MemberId.parse("DEV/GOV/1001")),
                    "127.0.0.1:5502");
            joined1 = firstJoined.get();
        }
        for (Joined joined : List.of(joined1, joined2)) {
            assertThat(joined.anchor().at("/configuration/valid").asBoolean()).isTrue();
            assertThat(joined.centralPin().path("tlsSha256Source").asText()).isEqualTo("ADMIN");
            assertThat(joined.authRegistration().path("type").asText()).isEqualTo("authCertReg");
            assertThat(joined.authRegistration().path("centralState").asText()).isEqualTo("APPROVED");
            assertThat(joined.clientRegistrations()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path("status").asText()).isEqualTo("SUBMITTED"));
        }
        assertThat(joined2.signCertificates()).hasSize(2);
        assertThat(ss1.clientStatus(PROVIDER)).isIn("REGISTRATION_REQUESTED", "REGISTERED");
        CertificateHash authHash1 = new CertificateHash(joined1.authCertificate().at("/certificates/0/sha256").asText());
        CertificateHash authHash2 = new CertificateHash(joined2.authCertificate().at("/certificates/0/sha256").asText());

        ss1.awaitAllConfirmed(WAIT);
        ss2.awaitAllConfirmed(WAIT);
        for (SecurityServerNode node : List.of(ss1, ss2)) {
            GlobalConfiguration seen = awaitSeeing(node, conf -> conf.securityServer(SS1).map(s -> s.clients().size())
                    .orElse(0) == 1 && conf.securityServer(SS2).map(s -> s.clients().size()).orElse(0) == 2);
            assertThat(seen.securityServer(SS1)).hasValueSatisfying(s -> {
                assertThat(s.clients()).containsExactly(PROVIDER);
                assertThat(s.address()).isEqualTo("127.0.0.1:5501");
                assertThat(s.authCertHashes()).containsExactly(authHash1);
            });
            assertThat(seen.securityServer(SS2)).hasValueSatisfying(s -> {
                assertThat(s.clients()).containsExactlyInAnyOrder(CONSUMER, REPORTS);
                assertThat(s.authCertHashes()).containsExactly(authHash2);
            });
            assertThat(node.api().get("/ocsp").expect(200).json())
                    .isNotEmpty().allSatisfy(s -> assertThat(s.path("fresh").asBoolean()).isTrue());
            Reply health = AdminClient.await("health", WAIT, () -> node.api().get("/health"), r -> r.status() == 200,
                    null);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            AdminClient.await("clients registered", WAIT, () -> node.api().get("/clients"),
                    r -> r.json().findValuesAsText("status").stream().allMatch("REGISTERED"::equals), null);
            assertThat(node.api().get("/registration/requests").json()).allSatisfy(r -> {
                assertThat(r.path("status").asText()).isEqualTo("CONFIRMED");
                assertThat(r.path("centralState").asText()).isEqualTo("APPROVED");
            });
        }
        String status = ss1.cli("status");
        assertThat(status).contains("registration: registered at 127.0.0.1:5501").contains("client DEV/GOV/1001/PROVIDER");

        changesAfterRegistration(ss1, ss2);
    }

    /** Address, maintenance on and off, and a client deletion: each confirmed by the next configuration. */
    private void changesAfterRegistration(SecurityServerNode ss1, SecurityServerNode ss2) {
        ss1.api().put("/registration/address", Map.of("address", "ss1.dev.example:5500")).expect(202);
        assertThat(ss1.cli("maintenance", "on")).contains("maintenance mode on here").contains("maintenanceMode on");
        ss1.awaitAllConfirmed(WAIT);
        Reply state = ss1.api().get("/registration").expect(200);
        assertThat(state.json().path("address").asText()).isEqualTo("ss1.dev.example:5500");
        assertThat(state.json().path("maintenance").asBoolean()).isTrue();
        ss1.api().put("/registration/maintenance", Map.of("enabled", false)).expect(202);

        Reply deletion = ss2.api().call("DELETE", "/clients/DEV:GOV:1001:REPORTS/registration", null).expect(202);
        assertThat(deletion.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(ss2.clientStatus(REPORTS)).isEqualTo("DELETION_REQUESTED");
        ss1.awaitAllConfirmed(WAIT);
        ss2.awaitAllConfirmed(WAIT);
        assertThat(ss1.api().get("/registration").json().path("maintenance").asBoolean()).isFalse();
        AdminClient.await("deleted client SAVED", WAIT, () -> ss2.api().get("/clients/DEV:GOV:1001:REPORTS"),
                r -> r.json().path("status").asText().equals("SAVED"), null);
        assertThat(ss2.server().configuration().require().securityServer(SS2).orElseThrow().clients())
                .containsExactly(CONSUMER);
        assertThat(ss1.cli("requests", "list")).contains("addressChange").contains("CONFIRMED");
    }

    /** Waits, downloading the configuration now and then, until the verified configuration held fits. */
    private static GlobalConfiguration awaitSeeing(SecurityServerNode node, Predicate<GlobalConfiguration> fits) {
        AdminClient.await(node.id() + " seeing both servers", WAIT, () -> node.api().post("/configuration/refresh", null),
                r -> r.status() == 200 && fits.test(node.server().configuration().require()), null);
        return node.server().configuration().require();
    }

    /** The dev CA, OCSP responder and TSA, and the central server with the registry filled in. */
    private void startTrustServices() {
        DevTrustServices trust = DevTrustServices.start(dir.resolve("trust"), "127.0.0.1", 0, 0);
        running.add(trust);
        ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
        CentralNode central = CentralNode.initialise(CentralServerConfig.DEFAULTS
                .withDataDir(dir.resolve("central").toString())
                .withListeners(new CentralServerConfig.Listeners(any, any, any)).withPolicy(1, true), "DEV");
        running.add(central);
        federation = new Federation("127.0.0.1", trust, central);

        central.addMemberClass("GOV", "Government");
        central.addMemberClass("COM", "Companies");
        central.addMember(MemberId.parse("DEV/GOV/1001"), "Tax Board");
        central.addMember(MemberId.parse("DEV/COM/2002"), "Shop");
        for (SubsystemId subsystem : List.of(PROVIDER, CONSUMER, REPORTS)) {
            central.addSubsystem(subsystem);
        }
        central.approve(trust);
        central.publishNow();
    }

    /** A security server initialised with the CLI and started from the file that {@code init} wrote. */
    private SecurityServerNode securityServer(SecurityServerId id) {
        List<String> settings = new ArrayList<>(SecurityServerPorts.EPHEMERAL.settings("127.0.0.1"));
        settings.add("registration.checkIntervalSeconds=1");
        SecurityServerNode node = SecurityServerNode.start(SecurityServerNode.initialise(id,
                dir.resolve(id.serverCode()), PIN, settings));
        running.add(node);
        return node;
    }
}
