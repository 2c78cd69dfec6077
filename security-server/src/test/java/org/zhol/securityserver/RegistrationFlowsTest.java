// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.securityserver.RegistrationBed.PROVIDER;
import static org.zhol.securityserver.RegistrationBed.SHOP;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.SignatureRole;
import org.zhol.protocol.management.VerifiedManagementRequest;
import org.zhol.securityserver.RegistrationBed.Reply;
import org.zhol.securityserver.RegistrationListenerStub.Policy;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.registration.RequestType;

/**
 * The registration flows of a real server against the registration listener over HTTPS, whose verifier
 * checks every signature, role and embedded OCSP response: each request kept, its central state and its
 * local status; confirmation only by a newer verified configuration that shows the change; the local
 * clients' status following; and each way a submission can fail, with its code and what is kept.
 */
class RegistrationFlowsTest {

    static final TrustParameters TRUST = new TrustParameters(Duration.ofMinutes(10), Duration.ofSeconds(60),
            Duration.ofDays(1));

    @TempDir
    Path dir;
    RegistrationBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void registersTheCertificateAndClientsThenConfirmsFromTheNextConfiguration() throws Exception {
        bed = new RegistrationBed(dir, TRUST).startOutside();
        bed.startServer(Duration.ofHours(1));
        bed.provision(RegistrationBed.OTHER);
        bed.call("POST", "/clients", bed.body("id", PROVIDER.toPath())).expect(201);
        bed.call("POST", "/clients", bed.body("id", SHOP.toPath())).expect(201);

        Reply auth = bed.call("POST", "/registration/auth-cert", bed.body("address", "ss1.example.org:5500")).expect(202);
        assertThat(auth.json().path("type").asText()).isEqualTo("authCertReg");
        assertThat(auth.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(auth.json().path("centralState").asText()).isEqualTo("APPROVED");
        assertThat(auth.json().path("baseGeneration").asLong()).isEqualTo(1);
        String authHash = bed.call("GET", "/keys", null).json().findValuesAsText("sha256").stream()
                .filter(h -> h.equals(auth.json().path("subject").asText())).findFirst().orElseThrow();
        VerifiedManagementRequest verified = bed.registration.received().getFirst();
        assertThat(verified.request()).isInstanceOf(AuthCertRegistration.class);
        assertThat(verified.signer(SignatureRole.AUTH_KEY_POSSESSION)).isPresent();
        assertThat(verified.signer(SignatureRole.OWNER).orElseThrow().member()).contains(RegistrationBed.OWNER);

        // The central server has published the change, but the server still holds generation 1.
        assertThat(bed.call("GET", "/registration", null).json().path("registered").asBoolean()).isFalse();
        assertThat(bed.call("GET", "/registration/requests/" + auth.json().path("id").asText(), null).json()
                .path("status").asText()).isEqualTo("SUBMITTED");

        RegistrationBed.Run provider = bed.cli("clients", "register", PROVIDER.toPath());
        assertThat(provider.exit()).as(provider.err()).isZero();
        assertThat(provider.out()).contains("sent clientReg DEV/GOV/1001/PROVIDER as request").contains("SUBMITTED")
                .contains("central server: APPROVED");
        Reply shop = bed.call("POST", "/clients/DEV:COM:2002:SHOP/registration", null).expect(202);
        assertThat(shop.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(bed.registration.received().getLast().signer(SignatureRole.CLIENT).orElseThrow().member())
                .as("another member's client is signed by that member too").contains(RegistrationBed.OTHER);
        assertThat(bed.call("GET", "/clients/DEV:COM:2002:SHOP", null).json().path("status").asText())
                .isEqualTo("REGISTRATION_REQUESTED");

        JsonNode settled = bed.awaitSettled();
        assertThat(settled).hasSize(3).allSatisfy(r -> {
            assertThat(r.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(r.path("detail").asText()).startsWith("Shown in configuration generation");
        });
        JsonNode state = RegistrationBed.await("registered", () -> bed.call("GET", "/registration", null),
                r -> r.json().path("clients").size() == 2).json();
        assertThat(state.path("registered").asBoolean()).isTrue();
        assertThat(state.path("address").asText()).isEqualTo("ss1.example.org:5500");
        assertThat(state.path("authCertHashes").get(0).asText()).isEqualTo(authHash);
        assertThat(state.path("central").path("tlsSha256").asText()).isEqualTo(bed.registration.pin().hex());
        RegistrationBed.await("clients registered", () -> bed.call("GET", "/clients", null), r -> r.json()
                .findValuesAsText("status").stream().allMatch("REGISTERED"::equals));
        assertThat(bed.server.configuration().require().securityServer(RegistrationBed.SERVER).orElseThrow()
                .hasAuthCert(new CertificateHash(authHash))).isTrue();

        assertThat(bed.cli("status").out()).contains("registration: registered at ss1.example.org:5500, 1 auth "
                + "certificate(s), 2 client(s)").contains("client DEV/COM/2002/SHOP");
        assertThat(bed.cli("requests", "list").out()).contains("authCertReg").contains("clientReg")
                .contains("CONFIRMED  central: APPROVED");
        RegistrationBed.Run json = bed.cli("requests", "list", "--json");
        assertThat(bed.json.readTree(json.out())).hasSize(3);
        assertThat(bed.cli("central", "show").out()).contains("url " + bed.registration.url() + " (ADMIN)")
                .contains("tls-sha256 " + bed.registration.pin().hex() + " (ADMIN)");
        RegistrationBed.Run refused = bed.cli("register", "auth-cert", "--address", "ss1.example.org");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("error: BadRequest: No AUTH key has an imported certificate");
        Reply again = bed.call("POST", "/registration/auth-cert", bed.body("address", "ss1.example.org")).expect(400);
        assertThat(again.text()).contains("No AUTH key has an imported certificate that is not registered yet");
        Reply twice = bed.call("POST", "/clients/DEV:GOV:1001:PROVIDER/registration", null).expect(400);
        assertThat(twice.text()).contains("registered on this server already");
    }

    @Test
    void everyWayASubmissionFailsHasItsCodeAndIsKept() throws Exception {
        bed = new RegistrationBed(dir, TRUST).startOutside();
        bed.startServer(Duration.ofHours(1));
        bed.provision();
        bed.call("POST", "/clients", bed.body("id", PROVIDER.toPath())).expect(201);
        bed.call("POST", "/clients", bed.body("id", SHOP.toPath())).expect(201);

        Reply noKey = bed.call("POST", "/clients/DEV:COM:2002:SHOP/registration", null).expect(400);
        assertThat(noKey.code()).isEqualTo("CannotCreateSignature");
        assertThat(noKey.text()).contains("DEV/COM/2002");

        Reply unpinned = bed.call("PUT", "/registration/central", bed.body("tlsSha256", "00".repeat(32))).expect(200);
        assertThat(unpinned.json().path("tlsSha256Source").asText()).isEqualTo("ADMIN");
        Reply wrongPin = bed.call("PUT", "/registration/maintenance", bed.body("enabled", true)).expect(502);
        assertThat(wrongPin.code()).isEqualTo("SslAuthenticationFailed");
        assertThat(wrongPin.text()).contains("not the pinned one");
        bed.call("PUT", "/registration/central", bed.body("tlsSha256", bed.registration.pin().hex())).expect(200);

        bed.registration.policy(Policy.REFUSE);
        Reply refused = bed.call("PUT", "/registration/address", bed.body("address", "ss1.example.org")).expect(400);
        assertThat(refused.code()).isEqualTo("InvalidRequest");
        assertThat(refused.text()).contains("The central server refused the request: Refused by the test listener");

        bed.registration.policy(Policy.FAIL);
        Reply unknown = bed.call("PUT", "/registration/address", bed.body("address", "ss1.example.org")).expect(502);
        assertThat(unknown.code()).isEqualTo("HttpError");

        bed.registration.policy(Policy.APPROVE);
        bed.call("POST", "/registration/auth-cert", bed.body("address", "ss1.example.org")).expect(202);
        bed.registration.policy(Policy.PENDING);
        Reply pending = bed.call("POST", "/clients/DEV:GOV:1001:PROVIDER/registration", null).expect(202);
        assertThat(pending.json().path("centralState").asText()).isEqualTo("PENDING");
        bed.registration.decide(pending.json().path("id").asText(), "REJECTED");

        List<JsonNode> kept = list(bed.call("GET", "/registration/requests", null).json());
        assertThat(kept).extracting(r -> r.path("type").asText() + " " + r.path("status").asText()).containsExactly(
                "maintenanceMode FAILED", "addressChange FAILED", "addressChange SENDING", "authCertReg SUBMITTED",
                "clientReg SUBMITTED");
        assertThat(kept.get(0).path("detail").asText()).startsWith("SslAuthenticationFailed");
        assertThat(kept.get(1).path("detail").asText()).startsWith("InvalidRequest: The central server refused");
        assertThat(kept.get(2).path("detail").asText()).startsWith("Not known whether the central server received it");

        // Time passes beyond the poll interval: the central server is asked about the open requests.
        bed.clock.advance(Duration.ofSeconds(2));
        JsonNode settled = bed.awaitSettled();
        assertThat(list(settled)).extracting(r -> r.path("status").asText()).containsExactly("FAILED", "FAILED",
                "FAILED", "CONFIRMED", "REJECTED");
        assertThat(settled.get(2).path("detail").asText()).contains("never received");
        assertThat(settled.get(4).path("centralState").asText()).isEqualTo("REJECTED");
        assertThat(settled.get(4).path("detail").asText()).contains("unknown host");
        RegistrationBed.await("the rejected client SAVED", () -> bed.call("GET", "/clients/DEV:GOV:1001:PROVIDER",
                null), r -> r.json().path("status").asText().equals("SAVED"));
        assertThat(bed.registration.received()).extracting(RegistrationListenerStub::type)
                .containsExactly(RequestType.AUTH_CERT_REG, RequestType.CLIENT_REG);

        bed.registration.close();
        Reply down = bed.call("PUT", "/registration/address", bed.body("address", "ss1.example.org")).expect(502);
        assertThat(down.code()).isEqualTo("NetworkError");
        assertThat(bed.call("GET", "/registration/requests", null).json().get(5).path("status").asText())
                .isEqualTo("SENDING");
    }

    @Test
    void theUrlComesFromTheAnchorAndWithoutAPinNothingIsSentOrKept() throws Exception {
        bed = new RegistrationBed(dir, TRUST).startOutside();
        bed.startServer(Duration.ofHours(1));
        bed.provisionWithoutPin();

        JsonNode central = bed.call("GET", "/registration/central", null).expect(200).json();
        assertThat(central.path("url").asText()).isEqualTo("https://127.0.0.1:4001/");
        assertThat(central.path("urlSource").asText()).isEqualTo("ANCHOR");
        assertThat(central.path("tlsSha256").isNull()).isTrue();
        assertThat(central.path("tlsSha256Source").asText()).isEqualTo("NONE");
        Reply unpinned = bed.call("PUT", "/registration/maintenance", bed.body("enabled", true)).expect(400);
        assertThat(unpinned.code()).isEqualTo("MalformedServerConf");
        assertThat(unpinned.text()).contains("registration.centralTlsSha256").contains("PUT /registration/central");
        assertThat(bed.call("GET", "/registration/requests", null).json()).isEmpty();
        Reply badUrl = bed.call("PUT", "/registration/central", bed.body("url", "http://127.0.0.1:4001/")).expect(400);
        assertThat(badUrl.code()).isEqualTo("BadRequest");
        Reply badPin = bed.call("PUT", "/registration/central", bed.body("tlsSha256", "abc")).expect(400);
        assertThat(badPin.text()).contains("64 hex digits");

        // The file's options come next, below what the admin API set.
        bed.server.close();
        bed.configure(new SecurityServerConfig.RegistrationSection(java.net.URI.create(bed.registration.url()),
                bed.registration.pin().hex().toUpperCase(java.util.Locale.ROOT), 10, 1, 1));
        bed.startServer(Duration.ofHours(1));
        JsonNode configured = bed.call("GET", "/registration/central", null).expect(200).json();
        assertThat(configured.path("urlSource").asText()).isEqualTo("CONFIG");
        assertThat(configured.path("tlsSha256").asText()).isEqualTo(bed.registration.pin().hex());
        assertThat(configured.path("tlsSha256Source").asText()).isEqualTo("CONFIG");
        bed.call("POST", "/registration/auth-cert", bed.body("address", "ss1.example.org")).expect(202);
    }

    private static List<JsonNode> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }
}
