// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import java.nio.file.Path;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.server.config.ListenerConfig;
import org.zhol.server.store.DatabaseConfig;

/**
 * The whole configuration of one security server, loaded from one file by
 * {@link org.zhol.server.config.ConfigLoader} over {@link #DEFAULTS}. Every option is listed with its
 * default in {@code security-server/README.md}.
 *
 * @param owner      the member that owns this server, e.g. {@code DEV/GOV/1001}; null until {@code init}
 * @param serverCode this server's code, e.g. {@code SS1}; null until {@code init}
 * @param dataDir    where the server keeps its files (the H2 database by default); default {@code data}
 * @param database   where the server keeps its state; default an H2 file in {@code dataDir}
 * @param listeners  where the server listens
 * @param anchorFile the configuration anchor, or null until one is imported
 */
public record SecurityServerConfig(MemberId owner, String serverCode, Path dataDir, StorageConfig database,
        Listeners listeners, Path anchorFile) {

    /** The configuration when nothing says otherwise. */
    public static final SecurityServerConfig DEFAULTS = new SecurityServerConfig(null, null, null, null, null, null);

    /** The file name of the H2 database in {@code dataDir}. */
    public static final String H2_NAME = "security-server";

    public SecurityServerConfig {
        if (serverCode != null) {
            IdentifierRules.code("serverCode", serverCode);
        }
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null ? StorageConfig.DEFAULTS : database;
        listeners = listeners == null ? Listeners.DEFAULTS : listeners;
    }

    /**
     * This server's identifier.
     *
     * @throws ZholException {@code MalformedServerConf} when the owner or server code is not set
     */
    public SecurityServerId serverId() {
        if (owner == null || serverCode == null) {
            throw new ZholException(FaultCode.of(ErrorCode.MALFORMED_SERVER_CONF), Origin.THIS_SERVER,
                    "The owner and serverCode are not configured; run 'init' first", null);
        }
        return new SecurityServerId(owner, serverCode);
    }

    /** The database to open: the configured JDBC URL, or the H2 file {@value #H2_NAME} in {@code dataDir}. */
    public DatabaseConfig databaseConfig() {
        return database.jdbcUrl() == null
                ? DatabaseConfig.h2File(dataDir, H2_NAME)
                : new DatabaseConfig(database.jdbcUrl(), database.user(), database.password(), database.maxPoolSize());
    }

    /** This configuration with another owner, server code and data directory, as {@code init} sets them. */
    public SecurityServerConfig withIdentity(MemberId newOwner, String newServerCode, Path newDataDir) {
        return new SecurityServerConfig(newOwner, newServerCode, newDataDir, database, listeners, anchorFile);
    }

    /** This configuration with other listeners, e.g. port 0 everywhere in tests. */
    public SecurityServerConfig withListeners(Listeners newListeners) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, newListeners, anchorFile);
    }

    /** This configuration with another database section. */
    public SecurityServerConfig withDatabase(StorageConfig newDatabase) {
        return new SecurityServerConfig(owner, serverCode, dataDir, newDatabase, listeners, anchorFile);
    }

    /**
     * The database section.
     *
     * @param jdbcUrl     {@code jdbc:postgresql://...} or {@code jdbc:h2:...}; null (the default) means the H2
     *                    file {@code <dataDir>/security-server.mv.db}
     * @param user        database user; null for none
     * @param password    database password; null for none; never printed by {@link #toString()}
     * @param maxPoolSize the most connections; 0 means {@link DatabaseConfig#DEFAULT_POOL_SIZE}
     */
    public record StorageConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

        /** An H2 file in the data directory, with the default pool. */
        public static final StorageConfig DEFAULTS = new StorageConfig(null, null, null, 0);

        public StorageConfig {
            if (maxPoolSize < 0) {
                throw new IllegalArgumentException("database.maxPoolSize must not be negative");
            }
            maxPoolSize = maxPoolSize == 0 ? DatabaseConfig.DEFAULT_POOL_SIZE : maxPoolSize;
        }

        @Override
        public String toString() {
            return "StorageConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * The listeners (ARCHITECTURE §1). Only {@code admin} is opened today; the proxies come with the
     * exchange.
     *
     * @param clientHttp  information systems, plain HTTP; default {@code 0.0.0.0:8080}
     * @param clientHttps information systems, HTTPS; default {@code 0.0.0.0:8443}
     * @param serverProxy other security servers, mutual TLS; default {@code 0.0.0.0:5500}
     * @param admin       the admin API; default {@code 127.0.0.1:4000}, loopback only
     */
    public record Listeners(ListenerConfig clientHttp, ListenerConfig clientHttps, ListenerConfig serverProxy,
            ListenerConfig admin) {

        /** The default ports of ARCHITECTURE §1. */
        public static final Listeners DEFAULTS = new Listeners(null, null, null, null);

        public Listeners {
            clientHttp = clientHttp == null ? new ListenerConfig("0.0.0.0", 8080) : clientHttp;
            clientHttps = clientHttps == null ? new ListenerConfig("0.0.0.0", 8443) : clientHttps;
            serverProxy = serverProxy == null ? new ListenerConfig("0.0.0.0", 5500) : serverProxy;
            admin = admin == null ? new ListenerConfig("127.0.0.1", 4000) : admin;
        }

        /** Every listener on loopback with port 0 (a free port), for tests. */
        public static Listeners ephemeral() {
            ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
            return new Listeners(any, any, any, any);
        }
    }
}
