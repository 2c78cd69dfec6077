// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.securityserver.RegistrationBed.PROVIDER;
import static org.zhol.securityserver.RegistrationBed.SHOP;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.securityserver.RegistrationBed.Reply;
import org.zhol.securityserver.RegistrationListenerStub.Policy;

/**
 * Faults of issue #5's acceptance list that the unit tests do not cover at the level of the whole
 * server: the central server down until the configuration expires, then {@code OutdatedGlobalConf}, and
 * recovery by itself; a restart that brings back keys, certificates, the local registry, the kept
 * registration requests and the configuration without any network call. (Also covered elsewhere: the
 * OCSP responder down until stale, and the wrong PIN, in {@link SecurityServerTrustEndToEndTest}; a
 * corrupted or wrongly signed anchor in {@code AnchorImportTest}; the token's PIN in
 * {@code TokenContractTest}.)
 */
class SecurityServerFaultsTest {

    /** OCSP stays fresh for longer than the configuration, so that only the configuration expires. */
    static final TrustParameters TRUST = new TrustParameters(Duration.ofHours(3), Duration.ofSeconds(60),
            Duration.ofHours(1));

    @TempDir
    Path dir;
    RegistrationBed bed;

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void centralServerDownTheConfigurationServesUntilExpiryThenOutdatedAndItRecoversByItself() throws Exception {
        bed = new RegistrationBed(dir, TRUST).startOutside();
        Instant generated = bed.clock.instant();
        bed.startServer(Duration.ofSeconds(1));
        bed.provision();

        bed.central.close();
        bed.clock.set(generated.plus(TRUST.configurationExpiry()).minusSeconds(1));
        JsonNode failing = RegistrationBed.await("a failed download", () -> bed.call("GET", "/configuration", null),
                r -> r.json().path("lastError").path("code").asText().equals("NetworkError")).json();
        assertThat(failing.path("valid").asBoolean()).isTrue();
        assertThat(bed.server.configuration().require().instance()).isEqualTo("DEV");
        assertThat(bed.call("GET", "/health", null).status()).isEqualTo(200);

        bed.clock.set(generated.plus(TRUST.configurationExpiry()));
        assertThatThrownBy(() -> bed.server.configuration().require()).isInstanceOfSatisfying(ZholException.class,
                e -> {
                    assertThat(e.faultCode()).hasToString("OutdatedGlobalConf");
                    assertThat(e.origin()).isEqualTo(Origin.THIS_SERVER);
                    assertThat(e.detail()).contains("generation 1").contains("expired");
                });
        Reply down = bed.call("GET", "/health", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(check(down, "configuration-valid").path("reason").asText()).contains("expired")
                .contains("NetworkError");

        // The central server comes back with a new generation: nobody asks, the schedule finds it.
        bed.publish();
        bed.central.start();
        RegistrationBed.await("recovered", () -> bed.call("GET", "/configuration", null),
                r -> r.json().path("valid").asBoolean() && r.json().path("generation").asLong() == 2);
        assertThat(bed.server.configuration().require().instance()).isEqualTo("DEV");
        assertThat(bed.call("GET", "/configuration", null).json().path("lastError").isNull()).isTrue();
        // (The OCSP responses went stale with the frozen clock's jump; the configuration check is what recovers.)
        assertThat(check(bed.call("GET", "/health", null), "configuration-valid").path("ok").asBoolean()).isTrue();
    }

    @Test
    void aRestartBringsBackKeysRegistryRequestsAndConfigurationWithoutANetworkCall() throws Exception {
        bed = new RegistrationBed(dir, TRUST).startOutside();
        bed.startServer(Duration.ofHours(1));
        bed.provision(RegistrationBed.OTHER);
        bed.call("POST", "/clients", bed.body("id", PROVIDER.toPath())).expect(201);
        bed.call("POST", "/clients", bed.body("id", SHOP.toPath())).expect(201);
        bed.call("POST", "/clients/DEV:GOV:1001:PROVIDER/services", bed.body("serviceCode", "persons", "type", "REST",
                "url", "http://127.0.0.1:9/api")).expect(201);
        bed.call("POST", "/clients/DEV:GOV:1001:PROVIDER/access-rights", bed.body("serviceCode", "persons",
                "subject", SHOP.toPath(), "method", "GET", "path", "/persons/{id}")).expect(201);
        bed.call("POST", "/registration/auth-cert", bed.body("address", "ss1.example.org:5500")).expect(202);
        bed.call("POST", "/clients/DEV:GOV:1001:PROVIDER/registration", null).expect(202);
        bed.awaitSettled();
        bed.registration.policy(Policy.PENDING);
        bed.call("POST", "/clients/DEV:COM:2002:SHOP/registration", null).expect(202);
        RegistrationBed.await("client statuses", () -> bed.call("GET", "/clients", null), r -> r.json()
                .findValuesAsText("status").equals(List.of("REGISTERED", "REGISTRATION_REQUESTED")));

        List<String> paths = List.of("/keys", "/clients", "/clients/DEV:GOV:1001:PROVIDER/services",
                "/clients/DEV:GOV:1001:PROVIDER/access-rights", "/registration/requests", "/registration",
                "/registration/central", "/maintenance");
        List<JsonNode> before = snapshot(paths);
        JsonNode configuration = bed.call("GET", "/configuration", null).json();
        bed.server.close();
        int central = bed.central.requests();
        int ocsp = bed.responder.requests();
        int registration = bed.registration.requests();
        bed.central.close();
        bed.responder.close();
        bed.registration.close();

        bed.startServer(Duration.ofHours(1));
        Reply health = bed.call("GET", "/health", null);
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(snapshot(paths)).isEqualTo(before);
        JsonNode restored = bed.call("GET", "/configuration", null).json();
        assertThat(restored.path("valid").asBoolean()).isTrue();
        assertThat(restored.path("generation")).isEqualTo(configuration.path("generation"));
        assertThat(restored.path("lastError").isNull()).isTrue();
        assertThat(bed.server.configuration().require().securityServer(RegistrationBed.SERVER)).isPresent();
        Thread.sleep(2500); // two registration checks and many OCSP scheduler ticks
        assertThat(bed.call("GET", "/health", null).status()).isEqualTo(200);
        assertThat(bed.central.requests()).isEqualTo(central);
        assertThat(bed.responder.requests()).isEqualTo(ocsp);
        assertThat(bed.registration.requests()).as("an open request is not polled at start").isEqualTo(registration);
    }

    private List<JsonNode> snapshot(List<String> paths) throws Exception {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (String path : paths) {
            all.add(bed.call("GET", path, null).expect(200).json());
        }
        return all;
    }

    static JsonNode check(Reply health, String name) {
        for (JsonNode check : health.json().get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health.text());
    }
}
