// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

class DatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void migratesCommitsAndRollsBack(TestDatabases.Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (Database db = Database.open(config, "classpath:db/test")) {
            assertThat(db.isReachable()).isTrue();
            db.transaction(c -> insert(c, 1, "one"));
            assertThatThrownBy(() -> db.transaction(c -> {
                insert(c, 2, "two");
                return insert(c, 3, "one"); // unique violation: the whole transaction rolls back
            })).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR));
            assertThat(count(db)).isEqualTo(1);
        }
        // Reopening runs no migration twice and keeps the data.
        try (Database db = Database.open(config, "classpath:db/test")) {
            assertThat(count(db)).isEqualTo(1);
            byte[] payload = db.transaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT payload FROM item WHERE id = 1");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getBytes(1);
                }
            });
            assertThat(payload).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMissingMigrationLocationFailsClearly(TestDatabases.Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        assertThatThrownBy(() -> Database.open(config, "classpath:db/does-not-exist"))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR));
    }

    @org.junit.jupiter.api.Test
    void passwordIsNeverPrinted() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://localhost/x", "u", "s3cret", 2);
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    private static int insert(java.sql.Connection c, long id, String name) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO item (id, name, payload, created_at) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, name);
            s.setBytes(3, new byte[] {1, 2, 3});
            s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            return s.executeUpdate();
        }
    }

    private static long count(Database db) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM item"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
