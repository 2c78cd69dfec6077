// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The shortcut past Flyway: taken only when the history records exactly the locations' scripts,
 * unchanged and applied; everything else goes to Flyway, which migrates or refuses.
 */
class SchemaHistoryTest {

    private static final ClassLoader LOADER = SchemaHistoryTest.class.getClassLoader();
    private static final String TEST = "classpath:db/test";
    private static final String EXTRA = "classpath:db/test-extra";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void currentExactlyWhenFlywayHasAppliedEveryScriptOfTheLocations(TestDatabases.Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (HikariDataSource empty = pool(config)) {
            assertThat(SchemaHistory.isCurrent(empty, LOADER, TEST)).as("no history table").isFalse();
        }
        try (Database db = Database.open(config, TEST)) {
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, TEST)).isTrue();
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, TEST, EXTRA)).as("V2 pending").isFalse();
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, "classpath:db/does-not-exist")).isFalse();
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, "filesystem:db/test")).isFalse();
        }
        // V2 has a byte-order mark and CRLF line breaks: the checksum still agrees with Flyway's.
        try (Database db = Database.open(config, TEST, EXTRA)) {
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, TEST, EXTRA)).isTrue();
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, TEST)).as("V2 not in the locations").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aChangedOrFailedScriptIsLeftToFlyway(TestDatabases.Kind kind) throws Exception {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (Database db = Database.open(config, TEST)) {
            history(db, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1"
                    + " WHERE \"script\" = 'V1__items.sql'");
            assertThat(SchemaHistory.isCurrent(db.dataSource(), LOADER, TEST)).isFalse();
        }
        // Not skipped: Flyway's validation refuses the changed script.
        assertThatThrownBy(() -> Database.open(config, TEST)).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR));
        try (HikariDataSource pool = pool(config)) {
            try (java.sql.Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" - 1,"
                        + " \"success\" = FALSE WHERE \"script\" = 'V1__items.sql'");
            }
            assertThat(SchemaHistory.isCurrent(pool, LOADER, TEST)).as("failed").isFalse();
        }
    }

    @Test
    void scriptsInAJarAreListedToo() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream script = LOADER.getResourceAsStream("db/test/V1__items.sql")) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/jarred/"));
            out.putNextEntry(new JarEntry("db/jarred/V1__items.sql"));
            script.transferTo(out);
            out.closeEntry();
        }
        DatabaseConfig config = TestDatabases.fresh(TestDatabases.Kind.H2, dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, LOADER)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try (Database db = Database.open(config, "classpath:db/jarred")) {
                assertThat(SchemaHistory.isCurrent(db.dataSource(), loader, "classpath:db/jarred")).isTrue();
                assertThat(SchemaHistory.isCurrent(db.dataSource(), loader, "classpath:db/jarred", EXTRA)).isFalse();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static HikariDataSource pool(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(1);
        return new HikariDataSource(hikari);
    }

    private static void history(Database db, String update) {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(update);
            }
        });
    }
}
