// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The registry version counter. Every store method that changes the configuration calls
 * {@link #bump} on its own connection, so the change and the new version commit together.
 */
final class RegistryVersion {

    private RegistryVersion() {
    }

    /** Increments the version in the transaction of {@code c}. */
    static void bump(Connection c) throws SQLException {
        Sql.update(c, "UPDATE registry_version SET version = version + 1 WHERE id = 1");
    }

    /** The committed version, as seen by the transaction of {@code c}. */
    static long read(Connection c) throws SQLException {
        return Sql.first(c, r -> r.getLong(1), "SELECT version FROM registry_version WHERE id = 1").orElse(0L);
    }
}
