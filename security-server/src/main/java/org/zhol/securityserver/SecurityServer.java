// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.admin.AdminApi;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.health.DatabaseHealthCheck;
import org.zhol.securityserver.health.HealthChecks;
import org.zhol.securityserver.health.MaintenanceMode;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.store.SqlAccessRightRepository;
import org.zhol.securityserver.store.SqlLocalClientRepository;
import org.zhol.securityserver.store.SqlServiceRepository;
import org.zhol.securityserver.store.SqlSettingsRepository;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * The composition root of the security server: every part is built here with {@code new}. The
 * constructor only assigns; {@link #start()} opens the database and the admin listener;
 * {@link #close()} stops them. The client and server proxies join in the exchange issue.
 *
 * <p>To add a health check, add one line to {@link #start()}:
 * {@code health.register(new MyCheck(...));}.
 */
public final class SecurityServer implements AutoCloseable {

    /** The Flyway locations: the shared tokens, then the security server's own tables. */
    public static final String[] MIGRATIONS = {"classpath:db/support", "classpath:db/security"};

    /** Limit: the largest admin API request body. */
    public static final int ADMIN_MAX_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SecurityServer.class);

    private final SecurityServerConfig config;
    private final ObjectMapper json;
    private Database db;
    private HttpServer admin;
    private ServiceRegistry registry;
    private HealthChecks health;
    private ApiTokens tokens;

    public SecurityServer(SecurityServerConfig config) {
        this.config = config;
        this.json = new ObjectMapper();
    }

    /**
     * Opens the database (migrating it) and binds the admin listener.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedServerConf} when not initialised,
     *                                               {@code DatabaseError}, {@code NetworkError}
     */
    public synchronized SecurityServer start() {
        if (db != null) {
            throw new IllegalStateException("the security server is already started");
        }
        SecurityServerId serverId = config.serverId();
        db = Database.open(config.databaseConfig(), MIGRATIONS);
        try {
            SqlApiTokenStore tokenStore = new SqlApiTokenStore(db);
            tokens = new ApiTokens(tokenStore, new SecureRandom());
            registry = new ServiceRegistry(new SqlLocalClientRepository(db), new SqlServiceRepository(db),
                    new SqlAccessRightRepository(db));
            MaintenanceMode maintenance = new MaintenanceMode(new SqlSettingsRepository(db));
            health = new HealthChecks(maintenance);
            health.register(new DatabaseHealthCheck(db));
            // Further checks register here: auth key usable, OCSP fresh, configuration valid.
            AdminApi api = new AdminApi(new AdminApi.Parts(serverId, registry, tokens, tokenStore, health,
                    maintenance), json);
            HttpServerConfig adminConfig = HttpServerConfig.plain("admin", config.listeners().admin().host(),
                    config.listeners().admin().port()).withMaxBodyBytes(ADMIN_MAX_BODY);
            admin = new HttpServer(adminConfig, api.handler(), json).start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("security server {} started; admin API on {}:{}", serverId, config.listeners().admin().host(),
                admin.port());
        return this;
    }

    /** The bound admin port. */
    public synchronized int adminPort() {
        requireStarted();
        return admin.port();
    }

    /** The local service registry, for the exchange and the registration flows. */
    public synchronized ServiceRegistry registry() {
        requireStarted();
        return registry;
    }

    /** The health checks, for components that add theirs after start. */
    public synchronized HealthChecks health() {
        requireStarted();
        return health;
    }

    /** The API tokens. */
    public synchronized ApiTokens tokens() {
        requireStarted();
        return tokens;
    }

    public SecurityServerConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private void requireStarted() {
        if (db == null || admin == null) {
            throw new IllegalStateException("the security server is not started");
        }
    }
}
