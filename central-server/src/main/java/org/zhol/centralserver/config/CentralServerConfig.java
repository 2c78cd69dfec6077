// SPDX-License-Identifier: MIT
package org.zhol.centralserver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.zhol.server.config.ListenerConfig;
import org.zhol.server.store.DatabaseConfig;

/**
 * Everything a central server is configured with. Every option, its default and its meaning are listed
 * in {@code central-server/README.md}; the file's sections mirror the nested records.
 *
 * <p><b>Pitfalls:</b> these records are mapped by Jackson through their accessors, so they must not
 * grow {@code getX()}/{@code isX()} helpers, which would become unknown options.
 *
 * @param instance                  the instance id, e.g. {@code DEV}; empty means "as stored by
 *                                  {@code init}". When set, it must match the stored one.
 * @param dataDir                   the data directory: the H2 database and keys live here
 * @param database                  where the registry is stored
 * @param listeners                 the three listeners
 * @param generationIntervalSeconds how often the configuration publisher checks for changes (60)
 * @param autoApprove               whether management requests are approved by policy (false)
 */
public record CentralServerConfig(String instance, String dataDir, Database database, Listeners listeners,
        int generationIntervalSeconds, boolean autoApprove) {

    private static final String DEFAULT_DATA_DIR = "central-data";

    /** The defaults: see the options table in the README. */
    public static final CentralServerConfig DEFAULTS = new CentralServerConfig("", DEFAULT_DATA_DIR,
            Database.DEFAULTS, Listeners.DEFAULTS, 60, false);

    public CentralServerConfig {
        instance = instance == null ? "" : instance.trim();
        dataDir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        database = database == null ? Database.DEFAULTS : database;
        listeners = listeners == null ? Listeners.DEFAULTS : listeners;
        if (generationIntervalSeconds < 1) {
            throw new IllegalArgumentException("generationIntervalSeconds must be at least 1");
        }
    }

    /** The data directory as a path. */
    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** The generation interval as a duration. */
    public Duration generationInterval() {
        return Duration.ofSeconds(generationIntervalSeconds);
    }

    /** The store to open: the JDBC URL if one is given, else the H2 file {@code central} in the data dir. */
    public DatabaseConfig databaseConfig() {
        return database.jdbcUrl().isEmpty()
                ? DatabaseConfig.h2File(dataPath(), "central")
                : new DatabaseConfig(database.jdbcUrl(), database.user(), database.password(), database.maxPoolSize());
    }

    /** This configuration with another data directory. */
    public CentralServerConfig withDataDir(String newDataDir) {
        return new CentralServerConfig(instance, newDataDir, database, listeners, generationIntervalSeconds,
                autoApprove);
    }

    /** This configuration with other listeners. */
    public CentralServerConfig withListeners(Listeners newListeners) {
        return new CentralServerConfig(instance, dataDir, database, newListeners, generationIntervalSeconds,
                autoApprove);
    }

    /** This configuration with another instance id. */
    public CentralServerConfig withInstance(String newInstance) {
        return new CentralServerConfig(newInstance, dataDir, database, listeners, generationIntervalSeconds,
                autoApprove);
    }

    /**
     * The database.
     *
     * @param jdbcUrl     empty for the default H2 file in the data directory, or a
     *                    {@code jdbc:postgresql://...} (or {@code jdbc:h2:...}) URL
     * @param user        the database user (empty)
     * @param password    the database password (empty); never printed
     * @param maxPoolSize the most pooled connections (8)
     */
    public record Database(String jdbcUrl, String user, String password, int maxPoolSize) {

        /** No URL: the H2 file in the data directory. */
        public static final Database DEFAULTS = new Database("", "", "", DatabaseConfig.DEFAULT_POOL_SIZE);

        public Database {
            jdbcUrl = jdbcUrl == null ? "" : jdbcUrl.trim();
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("database.maxPoolSize must be at least 1");
            }
        }

        @Override
        public String toString() {
            return "Database[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * The listeners.
     *
     * @param registration management requests from security servers, over TLS (0.0.0.0:4001)
     * @param download     configuration download, plain HTTP (0.0.0.0:8070)
     * @param admin        the admin API; loopback by default (127.0.0.1:4002)
     */
    public record Listeners(ListenerConfig registration, ListenerConfig download, ListenerConfig admin) {

        /** The defaults of ARCHITECTURE.md §1. */
        public static final Listeners DEFAULTS = new Listeners(new ListenerConfig("0.0.0.0", 4001),
                new ListenerConfig("0.0.0.0", 8070), new ListenerConfig("127.0.0.1", 4002));

        public Listeners {
            Objects.requireNonNull(registration, "listeners.registration");
            Objects.requireNonNull(download, "listeners.download");
            Objects.requireNonNull(admin, "listeners.admin");
        }
    }
}
