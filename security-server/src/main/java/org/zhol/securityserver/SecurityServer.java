// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.admin.AdminApi;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.health.AuthKeyHealthCheck;
import org.zhol.securityserver.health.ConfigurationHealthCheck;
import org.zhol.securityserver.health.DatabaseHealthCheck;
import org.zhol.securityserver.health.HealthChecks;
import org.zhol.securityserver.health.MaintenanceMode;
import org.zhol.securityserver.health.OcspHealthCheck;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.registration.RegistrationService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.Signer;
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
 * constructor only assigns; {@link #start()} opens the database, the token (with the PIN), the
 * configuration client, the OCSP cache and the admin listener; {@link #close()} stops them in reverse
 * order. The client and server proxies join in the exchange issue.
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
    private final PinSource pin;
    private final TrustServices.Timing timing;
    private final ObjectMapper json;
    private Database db;
    private TrustServices trust;
    private HttpServer admin;
    private ServiceRegistry registry;
    private HealthChecks health;
    private ApiTokens tokens;
    private RegistrationServices registration;

    /**
     * A server over {@code config} whose token opens with the PIN from {@code pin} (read at start; see
     * {@link SecurityServerConfig.PinSection#source}).
     */
    public SecurityServer(SecurityServerConfig config, PinSource pin) {
        this(config, pin, TrustServices.Timing.SYSTEM);
    }

    /** A server with another clock and background timings: a test hook. */
    SecurityServer(SecurityServerConfig config, PinSource pin, TrustServices.Timing timing) {
        this.config = config;
        this.pin = pin;
        this.timing = timing;
        this.json = new ObjectMapper();
    }

    /**
     * Opens the database (migrating it) and the token, starts the configuration client and the OCSP
     * cache, registers the health checks and binds the admin listener. On any failure what was started is
     * closed again.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedServerConf} when not initialised,
     *                                               {@code PinIncorrect} for a wrong PIN (the token stays
     *                                               locked), {@code LoginFailed} when the PIN cannot be read,
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
            trust = new TrustServices(config, pin, timing);
            trust.start();
            MaintenanceMode maintenance = new MaintenanceMode(new SqlSettingsRepository(db));
            health = new HealthChecks(maintenance);
            health.register(new DatabaseHealthCheck(db));
            health.register(new ConfigurationHealthCheck(trust.configuration()));
            health.register(new OcspHealthCheck(trust.ocsp()));
            health.register(new AuthKeyHealthCheck(trust.token(), trust.ocsp()));
            registration = new RegistrationServices(config, timing.clock());
            registration.start(db, trust, registry);
            AdminApi.Trust trustParts = new AdminApi.Trust(trust.token(), trust.anchorImport(), trust.configuration(),
                    trust.ocsp());
            AdminApi api = new AdminApi(new AdminApi.Parts(serverId, registry, tokens, tokenStore, health,
                    maintenance, trustParts, new AdminApi.Registration(registration.service(), registration.central())),
                    json);
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

    /** The signer: the open token. */
    public synchronized Signer signer() {
        requireStarted();
        return trust.token();
    }

    /** The global configuration held, for the exchange and the registration flows. */
    public synchronized CurrentConfiguration configuration() {
        requireStarted();
        return trust.configuration();
    }

    /** The OCSP responses of the own certificates, for stapling and signing. */
    public synchronized OwnOcspResponses ownOcspResponses() {
        requireStarted();
        return trust.ocsp();
    }

    /** The registration flows: requests to the central server and their state. */
    public synchronized RegistrationService registration() {
        requireStarted();
        return registration.service();
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
        if (registration != null) {
            registration.close();
            registration = null;
        }
        if (trust != null) {
            trust.close();
            trust = null;
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
