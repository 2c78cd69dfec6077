// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.centralserver.ManagementTestbed.expect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.AdminHttp.Answer;
import org.zhol.centralserver.globalconf.ConfigurationDownloader;
import org.zhol.centralserver.store.RequestState;
import org.zhol.centralserver.store.SqlManagementRequestStore;
import org.zhol.centralserver.store.StoredRequest;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementEnvelopeCodec;
import org.zhol.protocol.management.ManagementFixture;
import org.zhol.protocol.management.ManagementLimits;
import org.zhol.protocol.management.ManagementRequestCodec;
import org.zhol.protocol.management.ManagementRequestSigner;
import org.zhol.protocol.management.SignedManagementRequest;
import org.zhol.protocol.testpki.TestPki;

/**
 * The acceptance test of management requests: a real central server, real signed requests posted over
 * HTTPS to the registration listener as a security server sends them, approval through the admin API,
 * and the configuration downloaded over HTTP and verified against the exported anchor. Then the bad
 * inputs, each with its documented code and the registry unchanged; key rotation through the admin API
 * with an old-anchor client; and a restart with pending and half-applied requests.
 */
class ManagementEndToEndTest {

    private static final SecurityServerId SERVER = ManagementFixture.SERVER;
    private static final ClientId OWN_SUB = ManagementFixture.OWNER.subsystem("SUB");
    private static final ClientId SHOP = ManagementFixture.OTHER_MEMBER.subsystem("SHOP");

    @TempDir
    Path dir;
    private ManagementTestbed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.stop();
        }
    }

    @Test
    void registrationsApprovedAndPublishedWithinOneGenerationCycle() throws Exception {
        bed = new ManagementTestbed(dir, false).start();
        bed.populate();
        ConfigurationAnchor anchor = ConfigurationAnchorCodec.decode(anchorBytes());

        Answer auth = bed.submit(bed.envelope(AuthCertRegistration.create(SERVER, "ss1.example.org",
                bed.pki.auth.der(), Instant.now())));
        expect(202, auth);
        assertThat(auth.body().path("state").asText()).isEqualTo("PENDING");
        assertThat(bed.status(id(auth)).body().path("state").asText()).isEqualTo("PENDING");
        assertThat(registry().securityServer(SERVER)).isEmpty();
        Answer approved = bed.adminCall("POST", "/requests/" + id(auth) + "/approve");
        expect(200, approved);
        assertThat(approved.body().path("decidedBy").asText()).isEqualTo("admin");

        String ownClient = id(accepted(bed.envelope(ClientRegistration.create(SERVER, OWN_SUB, Instant.now()))));
        String shopClient = id(accepted(bed.envelope(ClientRegistration.create(SERVER, SHOP, Instant.now()))));
        expect(200, bed.adminCall("POST", "/requests/" + ownClient + "/approve"));
        Instant decided = Instant.now();
        expect(200, bed.adminCall("POST", "/requests/" + shopClient + "/approve"));
        assertThat(bed.adminCall("GET", "/requests?state=approved").body().findValuesAsText("id"))
                .containsExactly(id(auth), ownClient, shopClient);

        try (ConfigurationDownloader client = new ConfigurationDownloader(EffectiveAnchor.installed(anchor))) {
            SecurityServer published = awaitPublished(client, s -> s.clients().size() == 2, Duration.ofSeconds(10));
            Duration took = Duration.between(decided, Instant.now());
            assertThat(took).as("one generation cycle of 1 s, plus slack").isLessThan(Duration.ofSeconds(4));
            assertThat(published.authCertHashes()).containsExactly(CertificateHash.of(bed.pki.auth.certificate()));
            assertThat(published.clients()).containsExactlyInAnyOrder(OWN_SUB, SHOP);
            assertThat(published.address()).isEqualTo("ss1.example.org");

            immediateRequests();
            SecurityServer changed = awaitPublished(client, s -> s.maintenance() && s.clients().size() == 1,
                    Duration.ofSeconds(10));
            assertThat(changed.address()).isEqualTo("ss1.example.org:5500");
        }
    }

    /** Deletions, address changes and maintenance mode take effect on receipt, decided by policy. */
    private void immediateRequests() throws Exception {
        for (var request : List.of(AddressChange.create(SERVER, "ss1.example.org:5500", Instant.now()),
                MaintenanceMode.create(SERVER, true, Instant.now()), ClientDeletion.create(SERVER, SHOP, Instant.now()))) {
            Answer answer = accepted(bed.envelope(request));
            assertThat(answer.body().path("state").asText()).isEqualTo("APPROVED");
            assertThat(bed.adminCall("GET", "/requests/" + id(answer)).body().path("decidedBy").asText())
                    .isEqualTo("policy:immediate");
        }
        SecurityServer now = registry().securityServer(SERVER).orElseThrow();
        assertThat(now.address()).isEqualTo("ss1.example.org:5500");
        assertThat(now.maintenance()).isTrue();
        assertThat(now.clients()).containsExactly(OWN_SUB);
    }

    @Test
    void badInputGetsItsDocumentedCodeAndLeavesTheRegistryUnchanged() throws Exception {
        bed = new ManagementTestbed(dir, false).start();
        bed.populate();
        byte[] good = bed.envelope(AuthCertRegistration.create(SERVER, "ss1.example.org", bed.pki.auth.der(),
                Instant.now()));
        Instant at = Instant.now();

        refused(400, "MissingSignature", unsigned(good));
        refused(400, "InvalidSignatureValue", forged(good));
        MemberId stranger = MemberId.parse("DEV/GOV/9999");
        ManagementFixture.Party strangerKey = ManagementFixture.signingParty(bed.pki.root, stranger, bed.pki.notBefore);
        refused(404, "UnknownMember", ManagementTestbed.envelope(ManagementRequestSigner.builder()
                .owner(strangerKey.credentials(), strangerKey.goodOcsp(at))
                .authKey(bed.pki.auth.credentials(), bed.pki.auth.goodOcsp(at)).build(),
                AuthCertRegistration.create(new SecurityServerId(stranger, "SS9"), "ss9.example.org", bed.pki.auth.der(),
                        at)));
        TestPki.Issuer rogue = TestPki.rootCa("CN=Rogue CA", bed.pki.notBefore, Duration.ofDays(3650));
        ManagementFixture.Party rogueOwner = ManagementFixture.signingParty(rogue, ManagementFixture.OWNER,
                bed.pki.notBefore);
        refused(400, "CannotCreateCertPath", ManagementTestbed.envelope(ManagementRequestSigner.builder()
                .owner(rogueOwner.credentials(), rogueOwner.goodOcsp(at))
                .authKey(bed.pki.auth.credentials(), bed.pki.auth.goodOcsp(at)).build(),
                AuthCertRegistration.create(SERVER, "ss1.example.org", bed.pki.auth.der(), at)));
        refused(400, "CertValidation", ManagementTestbed.envelope(ManagementRequestSigner.builder()
                .owner(bed.pki.owner.credentials(), List.of(bed.pki.owner.ocsp(at, revoked(at))))
                .authKey(bed.pki.auth.credentials(), bed.pki.auth.goodOcsp(at)).build(),
                AuthCertRegistration.create(SERVER, "ss1.example.org", bed.pki.auth.der(), at)));
        refused(400, "InvalidSecurityServer", bed.envelope(ClientRegistration.create(SERVER, OWN_SUB, at)));
        refused(400, "InvalidRequest", new byte[ManagementLimits.DEFAULT.maxEnvelopeBytes() + 1]);
        refused(400, "InvalidRequest", "{\"request\":".getBytes(StandardCharsets.UTF_8));
        refused(400, "InvalidRequest", new byte[0]);
        assertThat(bed.submit(new byte[(1 << 20) + 1]).status()).as("over the listener's body limit").isEqualTo(413);

        expect(202, bed.submit(good));
        long version = bed.server.context().configuration().version();
        refused(400, "InvalidRequest", good);
        refused(400, "InvalidRequest", bed.envelope(AuthCertRegistration.create(SERVER, "ss1.example.org",
                bed.pki.auth.der(), Instant.now())));
        assertThat(bed.server.context().configuration().version()).isEqualTo(version);
        tokens();
    }

    private void tokens() throws Exception {
        String id = bed.adminCall("GET", "/requests").body().get(0).path("id").asText();
        assertThat(bed.api.call("GET", "/requests", null, null).status()).isEqualTo(401);
        assertThat(bed.api.call("POST", "/requests/" + id + "/approve", "zhol_wrong", null).status()).isEqualTo(401);
        String reader = bed.api.call("POST", "/tokens", bed.admin, Map.of("name", "reader", "role", "READ_ONLY"))
                .body().path("token").asText();
        assertThat(bed.api.call("GET", "/requests", reader, null).status()).isEqualTo(200);
        Answer refused = bed.api.call("POST", "/requests/" + id + "/approve", reader, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("type").asText()).isEqualTo("AccessDenied");
        assertThat(bed.adminCall("GET", "/requests/" + id).body().path("state").asText()).isEqualTo("PENDING");
        Answer rejected = bed.api.call("POST", "/requests/" + id + "/reject", bed.admin, Map.of("reason", "unknown host"));
        expect(200, rejected);
        assertThat(rejected.body().path("reason").asText()).isEqualTo("unknown host");
        assertThat(bed.adminCall("POST", "/requests/" + id + "/approve").status()).isEqualTo(409);
        assertThat(registry().securityServer(SERVER)).isEmpty();
    }

    @Test
    void rotationThroughTheAdminApiKeepsAnOldAnchorClientVerifying() throws Exception {
        bed = new ManagementTestbed(dir, true).start();
        bed.populate();
        ConfigurationAnchor oldAnchor = ConfigurationAnchorCodec.decode(anchorBytes());
        try (ConfigurationDownloader client = new ConfigurationDownloader(EffectiveAnchor.installed(oldAnchor))) {
            publish();
            X509Certificate oldKey = oldAnchor.signingCertificates().getFirst();
            assertThat(client.update(Instant.now()).configuration().directory()).isNotNull();
            expect(201, bed.adminCall("POST", "/keys/future"));
            publish();
            client.update(Instant.now());
            assertThat(client.trust().anchor().signingCertificates()).hasSize(2);
            Answer active = bed.adminCall("POST", "/keys/activate");
            expect(200, active);
            assertThat(active.body().path("number").asInt()).isEqualTo(2);
            expect(202, bed.submit(bed.envelope(AuthCertRegistration.create(SERVER, "ss1.example.org",
                    bed.pki.auth.der(), Instant.now()))));
            publish();
            EffectiveAnchor.Update update = client.update(Instant.now());
            assertThat(update.configuration().configuration().securityServer(SERVER)).isPresent();
            assertThat(client.trust().anchor().signingCertificates()).doesNotContain(oldKey);
            assertThat(bed.adminCall("GET", "/keys").body().findValuesAsText("state")).containsExactly("RETIRED",
                    "ACTIVE");
        }
    }

    @Test
    void pendingAndHalfAppliedRequestsSurviveARestart() throws Exception {
        bed = new ManagementTestbed(dir, false).start();
        bed.populate();
        String pending = id(accepted(bed.envelope(AuthCertRegistration.create(SERVER, "ss1.example.org",
                bed.pki.auth.der(), Instant.now()))));
        byte[] clientReg = bed.envelope(ClientRegistration.create(SERVER, OWN_SUB, Instant.now()));
        bed.stop();

        bed.start();
        assertThat(bed.adminCall("GET", "/requests?state=PENDING").body().findValuesAsText("id"))
                .containsExactly(pending);
        expect(200, bed.adminCall("POST", "/requests/" + pending + "/approve"));
        // A crash between the decision's commit and the registry change: approved, not applied.
        String requestId = ManagementRequestCodec.decode(ManagementEnvelopeCodec.decode(clientReg,
                ManagementLimits.DEFAULT).requestBytes(), ManagementLimits.DEFAULT).requestId();
        new SqlManagementRequestStore(bed.server.context().database()).insert(new StoredRequest(requestId, "clientReg",
                SERVER.toPath(), OWN_SUB.toPath(), clientReg, RequestState.APPROVED, false, Instant.now(),
                Optional.of(Instant.now()), Optional.of("admin"), Optional.empty()));
        bed.stop();

        bed.start();
        assertThat(registry().securityServer(SERVER).orElseThrow().clients()).containsExactly(OWN_SUB);
        assertThat(new SqlManagementRequestStore(bed.server.context().database()).find(requestId).orElseThrow()
                .applied()).isTrue();
    }

    private Answer accepted(byte[] envelope) throws Exception {
        Answer answer = bed.submit(envelope);
        expect(202, answer);
        return answer;
    }

    private void refused(int status, String code, byte[] envelope) throws Exception {
        long version = bed.server.context().configuration().version();
        GlobalConfiguration before = bed.server.context().configuration().current();
        int requests = bed.adminCall("GET", "/requests").body().size();
        Answer answer = bed.submit(envelope);
        assertThat(answer.body().path("type").asText()).as(answer.body().toString()).startsWith(code);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(bed.server.context().configuration().version()).isEqualTo(version);
        assertThat(bed.server.context().configuration().current()).isEqualTo(before);
        assertThat(bed.adminCall("GET", "/requests").body().size()).isEqualTo(requests);
    }

    private static byte[] unsigned(byte[] envelope) {
        SignedManagementRequest signed = ManagementEnvelopeCodec.decode(envelope, ManagementLimits.DEFAULT);
        return ManagementEnvelopeCodec.encode(new SignedManagementRequest(signed.requestBytes(),
                signed.signatures().subList(1, signed.signatures().size())));
    }

    /** The same signatures over a request whose address was changed after signing. */
    private static byte[] forged(byte[] envelope) {
        SignedManagementRequest signed = ManagementEnvelopeCodec.decode(envelope, ManagementLimits.DEFAULT);
        byte[] request = new String(signed.requestBytes(), StandardCharsets.UTF_8)
                .replace("ss1.example.org", "ss6.example.org").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.equals(request, signed.requestBytes())).isFalse();
        return ManagementEnvelopeCodec.encode(new SignedManagementRequest(request, signed.signatures()));
    }

    private static CertificateStatus revoked(Instant at) {
        return new RevokedStatus(java.util.Date.from(at.minus(Duration.ofHours(1))), 1);
    }

    private void publish() throws Exception {
        expect(201, bed.adminCall("POST", "/configuration/publish"));
    }

    private byte[] anchorBytes() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + bed.server.ports().get("admin") + "/anchor"))
                .header("Authorization", "Bearer " + bed.admin).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private GlobalConfiguration registry() {
        return bed.server.context().configuration().current();
    }

    private static SecurityServer awaitPublished(ConfigurationDownloader client,
            java.util.function.Predicate<SecurityServer> done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<SecurityServer> published = client.update(Instant.now()).configuration().configuration()
                    .securityServer(SERVER);
            if (published.isPresent() && done.test(published.get())) {
                return published.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not published in " + timeout + ": " + published);
            }
            Thread.sleep(100);
        }
    }

    private static String id(Answer answer) {
        return answer.body().path("id").asText();
    }
}
