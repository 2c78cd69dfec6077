// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.RegistrationStatus;

/** When a configuration shows a request's change, and which status a local client has. */
class ConfirmationTest {

    static final SecurityServerId SERVER = SecurityServerId.parse("DEV/GOV/1001/SS1");
    static final SubsystemId SUB = SubsystemId.parse("DEV/GOV/1001/SUB");
    static final SubsystemId OTHER = SubsystemId.parse("DEV/COM/2002/SHOP");
    static final CertificateHash HASH = new CertificateHash("ab".repeat(32));
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final SecurityServer LISTED = new SecurityServer(SERVER, "ss1.example.org:5500", List.of(HASH),
            List.of(SUB), true);

    static RegistrationRequest request(RequestType type, String subject) {
        return RegistrationRequest.sending("00000000-0000-4000-8000-" + String.format("%012d", type.ordinal()), type,
                subject, T0, 1);
    }

    @Test
    void eachTypeIsShownByItsOwnPartOfTheEntry() {
        Optional<SecurityServer> self = Optional.of(LISTED);
        assertThat(Confirmation.shows(request(RequestType.AUTH_CERT_REG, HASH.hex()), self)).isTrue();
        assertThat(Confirmation.shows(request(RequestType.AUTH_CERT_REG, "cd".repeat(32)), self)).isFalse();
        assertThat(Confirmation.shows(request(RequestType.CLIENT_REG, SUB.toPath()), self)).isTrue();
        assertThat(Confirmation.shows(request(RequestType.CLIENT_REG, OTHER.toPath()), self)).isFalse();
        assertThat(Confirmation.shows(request(RequestType.CLIENT_DELETION, OTHER.toPath()), self)).isTrue();
        assertThat(Confirmation.shows(request(RequestType.CLIENT_DELETION, SUB.toPath()), self)).isFalse();
        assertThat(Confirmation.shows(request(RequestType.ADDRESS_CHANGE, "ss1.example.org:5500"), self)).isTrue();
        assertThat(Confirmation.shows(request(RequestType.ADDRESS_CHANGE, "ss1.example.org"), self)).isFalse();
        assertThat(Confirmation.shows(request(RequestType.MAINTENANCE_MODE, "on"), self)).isTrue();
        assertThat(Confirmation.shows(request(RequestType.MAINTENANCE_MODE, "off"), self)).isFalse();
    }

    @Test
    void aServerThatIsNotListedShowsOnlyDeletions() {
        for (RequestType type : RequestType.values()) {
            String subject = type == RequestType.AUTH_CERT_REG ? HASH.hex() : type == RequestType.MAINTENANCE_MODE
                    ? "off" : type.aboutClient() ? SUB.toPath() : "ss1.example.org:5500";
            assertThat(Confirmation.shows(request(type, subject), Optional.empty())).as(type.name())
                    .isEqualTo(type == RequestType.CLIENT_DELETION);
        }
    }

    @Test
    void theLatestOpenRequestDecidesAClientsStatusElseTheConfiguration() {
        Optional<SecurityServer> self = Optional.of(LISTED);
        RegistrationRequest register = request(RequestType.CLIENT_REG, OTHER.toPath());
        RegistrationRequest delete = request(RequestType.CLIENT_DELETION, OTHER.toPath());
        assertThat(Confirmation.clientStatus(OTHER, RegistrationStatus.SAVED, List.of(register), true, self))
                .isEqualTo(RegistrationStatus.REGISTRATION_REQUESTED);
        assertThat(Confirmation.clientStatus(OTHER, RegistrationStatus.SAVED, List.of(register, delete), true, self))
                .isEqualTo(RegistrationStatus.DELETION_REQUESTED);
        assertThat(Confirmation.clientStatus(OTHER, RegistrationStatus.REGISTERED,
                List.of(register.with(RequestStatus.FAILED, Optional.empty(), T0)), true, self))
                .as("a final request no longer counts").isEqualTo(RegistrationStatus.SAVED);
        assertThat(Confirmation.clientStatus(SUB, RegistrationStatus.SAVED, List.of(register), true, self))
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(Confirmation.clientStatus(SUB, RegistrationStatus.REGISTERED, List.of(), true, Optional.empty()))
                .as("this server no longer listed").isEqualTo(RegistrationStatus.SAVED);
        assertThat(Confirmation.clientStatus(SUB, RegistrationStatus.REGISTERED, List.of(), false, Optional.empty()))
                .as("no valid configuration: unchanged").isEqualTo(RegistrationStatus.REGISTERED);
    }

    @Test
    void requestsAboutTheSameThingSupersedeEachOther() {
        assertThat(RequestSubmission.sameMatter(request(RequestType.CLIENT_REG, SUB.toPath()),
                request(RequestType.CLIENT_DELETION, SUB.toPath()))).isTrue();
        assertThat(RequestSubmission.sameMatter(request(RequestType.CLIENT_REG, SUB.toPath()),
                request(RequestType.CLIENT_REG, OTHER.toPath()))).isFalse();
        assertThat(RequestSubmission.sameMatter(request(RequestType.MAINTENANCE_MODE, "on"),
                request(RequestType.MAINTENANCE_MODE, "off"))).isTrue();
        assertThat(RequestSubmission.sameMatter(request(RequestType.ADDRESS_CHANGE, "a.example"),
                request(RequestType.ADDRESS_CHANGE, "b.example"))).isTrue();
        assertThat(RequestSubmission.sameMatter(request(RequestType.AUTH_CERT_REG, HASH.hex()),
                request(RequestType.AUTH_CERT_REG, "cd".repeat(32)))).isFalse();
        assertThat(RequestSubmission.sameMatter(request(RequestType.ADDRESS_CHANGE, "on"),
                request(RequestType.MAINTENANCE_MODE, "on"))).isFalse();
    }
}
