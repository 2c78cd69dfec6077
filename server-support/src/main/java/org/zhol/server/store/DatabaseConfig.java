// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a server keeps its state.
 *
 * @param jdbcUrl     {@code jdbc:h2:file:...} (the default) or {@code jdbc:postgresql://...}
 * @param user        database user
 * @param password    database password; never printed by {@link #toString()}
 * @param maxPoolSize the most connections the pool opens (default 8)
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

    /** Default pool size: enough for a 2-core machine with virtual-thread callers queuing for it. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only H2 and PostgreSQL JDBC URLs are supported: " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /**
     * An H2 file database {@code name} in {@code directory}. Every commit is written to the file before
     * the commit returns ({@code WRITE_DELAY=0}), so an acknowledged change survives {@code kill -9}.
     */
    public static DatabaseConfig h2File(Path directory, String name) {
        return new DatabaseConfig("jdbc:h2:file:" + directory.toAbsolutePath().resolve(name)
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "", DEFAULT_POOL_SIZE);
    }

    /** Whether this is a PostgreSQL database. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl + ", user=" + user + ", pool=" + maxPoolSize + "]";
    }
}
