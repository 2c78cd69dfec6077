// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.zhol.protocol.error.ZholException;

/** Small JDBC steps shared by the stores: parameters in, rows out, duplicates as faults. */
final class Sql {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an update; a unique-constraint violation becomes the fault that {@code duplicate} gives. */
    static int update(Connection c, Supplier<ZholException> duplicate, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && duplicate != null) {
                throw duplicate.get();
            }
            throw e;
        }
    }

    /** Runs an update that must not violate a unique constraint. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        return update(c, null, sql, params);
    }

    /** Runs an insert and returns the generated id. */
    static long insert(Connection c, Supplier<ZholException> duplicate, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && duplicate != null) {
                throw duplicate.get();
            }
            throw e;
        }
    }

    /** All rows of a query. */
    static <T> List<T> list(Connection c, Row<T> row, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                List<T> all = new ArrayList<>();
                while (r.next()) {
                    all.add(row.read(r));
                }
                return all;
            }
        }
    }

    /** The first row of a query, if any. */
    static <T> Optional<T> first(Connection c, Row<T> row, String sql, Object... params) throws SQLException {
        List<T> all = list(c, row, sql, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** Whether a query has a row. */
    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return first(c, r -> Boolean.TRUE, sql, params).isPresent();
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof byte[] bytes) {
                s.setBytes(i + 1, bytes);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }
}
