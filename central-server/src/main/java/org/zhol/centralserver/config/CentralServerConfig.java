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
 * @param publishing                the anchor's download URLs and the configuration signing keys
 */
public record CentralServerConfig(String instance, String dataDir, Database database, Listeners listeners,
        int generationIntervalSeconds, boolean autoApprove, Publishing publishing) {

    private static final String DEFAULT_DATA_DIR = "central-data";

    /** The defaults: see the options table in the README. */
    public static final CentralServerConfig DEFAULTS = new CentralServerConfig("", DEFAULT_DATA_DIR,
            Database.DEFAULTS, Listeners.DEFAULTS, 60, false, Publishing.DEFAULTS);

    public CentralServerConfig {
        instance = instance == null ? "" : instance.trim();
        dataDir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        database = database == null ? Database.DEFAULTS : database;
        listeners = listeners == null ? Listeners.DEFAULTS : listeners;
        publishing = publishing == null ? Publishing.DEFAULTS : publishing;
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
                autoApprove, publishing);
    }

    /** This configuration with other listeners. */
    public CentralServerConfig withListeners(Listeners newListeners) {
        return new CentralServerConfig(instance, dataDir, database, newListeners, generationIntervalSeconds,
                autoApprove, publishing);
    }

    /** This configuration with another instance id. */
    public CentralServerConfig withInstance(String newInstance) {
        return new CentralServerConfig(newInstance, dataDir, database, listeners, generationIntervalSeconds,
                autoApprove, publishing);
    }

    /** This configuration with another generation interval and approval policy. */
    public CentralServerConfig withPolicy(int newGenerationIntervalSeconds, boolean newAutoApprove) {
        return new CentralServerConfig(instance, dataDir, database, listeners, newGenerationIntervalSeconds,
                newAutoApprove, publishing);
    }

    /** This configuration with other publishing options. */
    public CentralServerConfig withPublishing(Publishing newPublishing) {
        return new CentralServerConfig(instance, dataDir, database, listeners, generationIntervalSeconds,
                autoApprove, newPublishing);
    }

    /**
     * Publishing the global configuration.
     *
     * @param downloadUrls        the download base URLs written into the anchor, comma-separated, in order
     *                            of preference; empty (default): {@code http://HOST:PORT/} of the download
     *                            listener ({@code localhost} when it listens on a wildcard address)
     * @param keyStorePassword    the password of the PKCS#12 signing-key files; empty (default): the
     *                            {@code ZHOL_KEYSTORE_PASSWORD} environment variable, else the password
     *                            file that {@code init} generated in {@code dataDir/keys}. Never printed.
     * @param futureNoticeSeconds how long a FUTURE signing key is published before it may be activated
     *                            (86400)
     * @param retiredGraceSeconds how long a RETIRED signing key stays published (86400)
     */
    public record Publishing(String downloadUrls, String keyStorePassword, long futureNoticeSeconds,
            long retiredGraceSeconds) {

        /** Derived URLs, the environment or generated password, 24 h notice and grace. */
        public static final Publishing DEFAULTS = new Publishing("", "", 86_400, 86_400);

        public Publishing {
            downloadUrls = downloadUrls == null ? "" : downloadUrls.trim();
            keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
            if (futureNoticeSeconds < 0 || retiredGraceSeconds < 0) {
                throw new IllegalArgumentException("publishing.futureNoticeSeconds and retiredGraceSeconds must not be"
                        + " negative");
            }
        }

        /** The configured download URLs, split; empty when they are to be derived. */
        public java.util.List<String> downloadUrlList() {
            return java.util.Arrays.stream(downloadUrls.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                    .toList();
        }

        @Override
        public String toString() {
            return "Publishing[downloadUrls=" + downloadUrls + ", keyStorePassword=" + (keyStorePassword.isEmpty()
                    ? "" : "***") + ", futureNoticeSeconds=" + futureNoticeSeconds + ", retiredGraceSeconds="
                    + retiredGraceSeconds + "]";
        }
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
