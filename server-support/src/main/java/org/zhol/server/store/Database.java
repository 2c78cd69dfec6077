// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * A migrated, pooled database. {@link #open} connects and runs the Flyway migrations of one location;
 * {@link #transaction} runs work in one transaction and maps SQL failures to {@code DatabaseError}.
 */
public final class Database implements AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final DatabaseConfig config;

    private Database(HikariDataSource pool, DatabaseConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /**
     * Opens a pool on {@code config} and migrates it with the scripts under {@code migrations}
     * (Flyway locations such as {@code classpath:db/support} and {@code classpath:db/central}; the
     * shared {@code db/support} scripts are numbered below 1, each server's from 1 up). When the schema
     * history already records exactly these scripts, unchanged, Flyway is not started at all (see
     * {@link SchemaHistory}).
     *
     * @throws ZholException {@code DatabaseError} when the database cannot be reached or migrated
     */
    public static Database open(DatabaseConfig config, String... migrations) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("zhol-db");
        hikari.setAutoCommit(true);
        hikari.setExceptionOverride(new EvictClosedH2());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw ZholException.internal(ErrorCode.DATABASE_ERROR, "Cannot open the database " + config, e);
        }
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : Database.class.getClassLoader();
            if (!SchemaHistory.isCurrent(pool, loader, migrations)) {
                Flyway.configure(loader).dataSource(pool).locations(migrations).failOnMissingLocations(true).load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw ZholException.internal(ErrorCode.DATABASE_ERROR, "Cannot migrate the database " + config, e);
        }
        return new Database(pool, config);
    }

    /** H2's SQL states "database is closed" (90098) and "database called at shutdown" (90121). */
    private static final java.util.Set<String> H2_CLOSED = java.util.Set.of("90098", "90121");

    /**
     * Tells the pool to drop a connection whose embedded H2 database has closed itself. H2 closes an
     * embedded database for good when a write fails (a full disk); its connections then fail forever,
     * and the pool, which knows only the standard "connection lost" states, would keep handing them out.
     * A new connection opens the database again from its file once it can, so the server recovers by
     * itself when space returns.
     */
    private static final class EvictClosedH2 implements com.zaxxer.hikari.SQLExceptionOverride {
        @java.lang.Override
        public Override adjudicate(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && H2_CLOSED.contains(String.valueOf(sql.getSQLState()))) {
                    return Override.MUST_EVICT;
                }
            }
            return Override.CONTINUE_EVICT;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseConfig config() {
        return config;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @throws ZholException {@code DatabaseError} for a SQL failure; a {@link ZholException} thrown by
     *                       the work passes through unchanged after the rollback
     */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw ZholException.internal(ErrorCode.DATABASE_ERROR, "Database operation failed", e);
        }
    }

    /** Whether a connection can be had and answers within two seconds, for health checks. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
