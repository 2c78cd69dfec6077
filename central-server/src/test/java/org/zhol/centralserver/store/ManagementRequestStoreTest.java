// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/** The management request store on H2 and on PostgreSQL: durability, duplicates and decisions. */
class ManagementRequestStoreTest {

    private static final String SERVER = "DEV/GOV/1/SS1";

    @TempDir
    Path dir;

    private static StoredRequest pending(String id, String subject, Instant at) {
        return new StoredRequest(id, "clientReg", SERVER, subject, new byte[] {1, 2, 3}, RequestState.PENDING, false,
                at, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void requestsAreStoredDecidedOnceAndSurviveReopening(TestDatabases.Kind kind) {
        var config = TestDatabases.fresh(kind, dir);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = "9b2f5c1e-6a4d-4c3b-8e2f-1a2b3c4d5e6f";
        String second = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
        try (Database db = Database.open(config, "classpath:db/support", "classpath:db/central")) {
            SqlManagementRequestStore store = new SqlManagementRequestStore(db);
            store.insert(pending(first, "DEV/GOV/1/SUB", now));
            store.insert(pending(second, "DEV/GOV/1/OTHER", now.plusSeconds(1)));
            assertThatThrownBy(() -> store.insert(pending(first, "DEV/GOV/1/SUB", now)))
                    .isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
            assertThat(store.isPending("clientReg", SERVER, "DEV/GOV/1/SUB")).isTrue();

            assertThat(store.decide(first, RequestState.PENDING, RequestState.APPROVED, "admin", now.plusSeconds(2),
                    Optional.empty())).isTrue();
            assertThat(store.decide(first, RequestState.PENDING, RequestState.REJECTED, "other", now.plusSeconds(3),
                    Optional.of("late"))).as("a decided request is not decided again").isFalse();
            store.markApplied(first);
        }
        try (Database db = Database.open(config, "classpath:db/support", "classpath:db/central")) {
            SqlManagementRequestStore store = new SqlManagementRequestStore(db);
            StoredRequest approved = store.find(first).orElseThrow();
            assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
            assertThat(approved.applied()).isTrue();
            assertThat(approved.decidedBy()).contains("admin");
            assertThat(approved.payload()).containsExactly(1, 2, 3);
            assertThat(store.isPending("clientReg", SERVER, "DEV/GOV/1/SUB")).isFalse();
            assertThat(store.list(Optional.of(RequestState.PENDING))).extracting(StoredRequest::id).containsExactly(second);
            assertThat(store.list(Optional.empty())).extracting(StoredRequest::id).containsExactly(first, second);
            assertThat(store.find("00000000-0000-4000-8000-000000000000")).isEmpty();
        }
    }
}
