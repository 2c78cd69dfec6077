// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.registration.CentralAnswer;
import org.zhol.securityserver.registration.CentralState;
import org.zhol.securityserver.registration.RegistrationRequest;
import org.zhol.securityserver.registration.RequestStatus;
import org.zhol.securityserver.registration.RequestType;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/** The kept registration requests on H2 and on a real PostgreSQL. */
class RegistrationRequestStoreTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keepsRequestsInSubmissionOrderWithTheirProgress(TestDatabases.Kind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), SecurityServer.MIGRATIONS)) {
            RegistrationRequestRepository requests = new SqlRegistrationRequestRepository(db);
            RegistrationRequest auth = RegistrationRequest.sending("00000000-0000-4000-8000-000000000009",
                    RequestType.AUTH_CERT_REG, "ab".repeat(32), T0, 3);
            RegistrationRequest client = RegistrationRequest.sending("00000000-0000-4000-8000-000000000001",
                    RequestType.CLIENT_REG, "DEV/GOV/1001/PROVIDER", T0, 3);
            RegistrationRequest maintenance = RegistrationRequest.sending("00000000-0000-4000-8000-000000000005",
                    RequestType.MAINTENANCE_MODE, "on", T0, 3);
            requests.insert(auth);
            requests.insert(client);
            requests.insert(maintenance);
            assertThat(requests.find(auth.id())).contains(auth);
            assertThat(requests.find("00000000-0000-4000-8000-00000000000f")).isEmpty();
            assertThat(requests.list()).as("insertion order, not id or time order").containsExactly(auth, client,
                    maintenance);
            assertThatThrownBy(() -> requests.insert(auth)).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));

            RegistrationRequest submitted = auth.answered(new CentralAnswer(auth.id(), CentralState.PENDING,
                    Optional.empty()), T0.plusSeconds(1));
            RegistrationRequest rejected = client.answered(new CentralAnswer(client.id(), CentralState.REJECTED,
                    Optional.of("unknown subsystem")), T0.plusSeconds(2));
            RegistrationRequest confirmed = maintenance.with(RequestStatus.CONFIRMED,
                    Optional.of("Shown in configuration generation 4"), T0.plusSeconds(3));
            assertThat(requests.update(submitted)).isTrue();
            assertThat(requests.update(rejected)).isTrue();
            assertThat(requests.update(confirmed)).isTrue();
            assertThat(requests.update(RegistrationRequest.sending("00000000-0000-4000-8000-00000000000e",
                    RequestType.ADDRESS_CHANGE, "x.example", T0, 0))).isFalse();

            assertThat(requests.find(auth.id())).contains(submitted);
            assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(requests.find(client.id()).orElseThrow().progress().detail())
                    .contains("The central server says REJECTED: unknown subsystem");
            assertThat(requests.open()).containsExactly(submitted);
            assertThat(requests.list()).containsExactly(submitted, rejected, confirmed);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void requestsSurviveAReopen(TestDatabases.Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        RegistrationRequest request = RegistrationRequest.sending("00000000-0000-4000-8000-000000000002",
                RequestType.CLIENT_DELETION, "DEV/COM/2002/SHOP", T0, 7);
        try (Database db = Database.open(config, SecurityServer.MIGRATIONS)) {
            new SqlRegistrationRequestRepository(db).insert(request);
        }
        try (Database db = Database.open(config, SecurityServer.MIGRATIONS)) {
            assertThat(new SqlRegistrationRequestRepository(db).open()).containsExactly(request);
        }
    }
}
