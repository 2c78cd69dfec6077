// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.admin.AdminApi;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.ClientProxy;
import org.zhol.securityserver.exchange.ExchangeContext;
import org.zhol.securityserver.exchange.MemberSigning;
import org.zhol.securityserver.exchange.MessageLog;
import org.zhol.securityserver.exchange.OwnAuthIdentity;
import org.zhol.securityserver.exchange.PeerAuthenticator;
import org.zhol.securityserver.exchange.PeerConnector;
import org.zhol.securityserver.exchange.PeerTrust;
import org.zhol.securityserver.exchange.ProviderClient;
import org.zhol.securityserver.exchange.ServerProxy;
import org.zhol.securityserver.exchange.SignatureCheck;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.health.AuthKeyHealthCheck;
import org.zhol.securityserver.health.ConfigurationHealthCheck;
import org.zhol.securityserver.health.DatabaseHealthCheck;
import org.zhol.securityserver.health.HealthChecks;
import org.zhol.securityserver.health.MaintenanceMode;
import org.zhol.securityserver.health.OcspHealthCheck;
import org.zhol.securityserver.health.TimestampingHealthCheck;
import org.zhol.securityserver.messagelog.ExchangeLogAdapter;
import org.zhol.securityserver.messagelog.MessageLogService;
import org.zhol.securityserver.messagelog.OwnerCheckpointSigning;
import org.zhol.securityserver.metaservice.DescriptionClient;
import org.zhol.securityserver.metaservice.MetaserviceConfig;
import org.zhol.securityserver.metaservice.MetaserviceProvider;
import org.zhol.securityserver.net.ClientHttpConfig;
import org.zhol.securityserver.net.ClientHttpListener;
import org.zhol.securityserver.net.InternalTls;
import org.zhol.securityserver.net.PeerClient;
import org.zhol.securityserver.net.PeerClientConfig;
import org.zhol.securityserver.net.ServerProxyConfig;
import org.zhol.securityserver.net.ServerProxyListener;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.registration.RegistrationService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.Signer;
import org.zhol.securityserver.store.SqlAccessRightRepository;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlIsAuthenticationRepository;
import org.zhol.securityserver.store.SqlLocalClientRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlServiceRepository;
import org.zhol.securityserver.store.SqlSettingsRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * The composition root of the security server: every part is built here with {@code new}. The
 * constructor only assigns; {@link #start()} opens the database, the token (with the PIN), the
 * configuration client, the OCSP cache, the message log (checkpoints, time-stamping, archiving), the
 * admin listener, then the message exchange: the peer client, the server proxy (5500) and the client
 * proxy's HTTP (8080) and HTTPS (8443) listeners; {@link #close()} stops them in reverse order.
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
    private final Hooks hooks;
    private ProviderClient provider;
    private HttpClient descriptions;
    private PeerClient peerClient;
    private ServerProxyListener serverProxy;
    private ClientHttpListener clientHttp;
    private ClientHttpListener clientHttps;
    private RegistrationServices registration;
    private SqlIsAuthenticationRepository isAuthentication;
    private MessageLogService messageLog;

    /**
     * A server over {@code config} whose token opens with the PIN from {@code pin} (read at start; see
     * {@link SecurityServerConfig.PinSection#source}).
     */
    public SecurityServer(SecurityServerConfig config, PinSource pin) {
        this(config, pin, TrustServices.Timing.SYSTEM);
    }

    /** A server with another clock and background timings: a test hook. */
    SecurityServer(SecurityServerConfig config, PinSource pin, TrustServices.Timing timing) {
        this(config, pin, timing, Hooks.NONE);
    }

    /** A server with another clock and background timings, and test hooks. */
    SecurityServer(SecurityServerConfig config, PinSource pin, TrustServices.Timing timing, Hooks hooks) {
        this.config = config;
        this.pin = pin;
        this.timing = timing;
        this.json = new ObjectMapper();
        this.hooks = hooks;
    }

    /**
     * What tests may put into the exchange.
     *
     * @param messageLog wraps the exchange's view of the message log, e.g. to watch it
     * @param connector  wraps the peer client, e.g. to alter frames on their way out
     */
    record Hooks(UnaryOperator<MessageLog> messageLog, UnaryOperator<PeerConnector> connector) {
        static final Hooks NONE = new Hooks(UnaryOperator.identity(), UnaryOperator.identity());
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
            messageLog = startMessageLog(serverId);
            health.register(new TimestampingHealthCheck(messageLog.timestamping()));
            AdminApi.Trust trustParts = new AdminApi.Trust(trust.token(), trust.anchorImport(), trust.configuration(),
                    trust.ocsp());
            isAuthentication = new SqlIsAuthenticationRepository(db);
            AdminApi api = new AdminApi(new AdminApi.Parts(serverId, registry, tokens, tokenStore, health,
                    maintenance, trustParts, new AdminApi.Registration(registration.service(), registration.central()),
                    isAuthentication), Optional.of(messageLog), json);
            HttpServerConfig adminConfig = HttpServerConfig.plain("admin", config.listeners().admin().host(),
                    config.listeners().admin().port()).withMaxBodyBytes(ADMIN_MAX_BODY);
            admin = new HttpServer(adminConfig, api.handler(), json).start();
            startExchange(serverId);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("security server {} started; admin API on {}:{}, client proxy on {} and {} (HTTPS), server proxy"
                + " on {}", serverId, config.listeners().admin().host(), admin.port(), clientHttp.port(),
                clientHttps.port(), serverProxy.port());
        return this;
    }

    /**
     * The message log on the server's database and {@code messageLog.directory}; checkpoints are signed
     * with the owner's signing key, stamps use the TSAs and interval of the global configuration.
     */
    private MessageLogService startMessageLog(SecurityServerId serverId) {
        MessageLogService.Parts parts = new MessageLogService.Parts(new SqlLogRecordRepository(db),
                new SqlCheckpointRepository(db), new SqlTimestampRepository(db), new SqlArchiveRepository(db),
                new OwnerCheckpointSigning(trust.token(), trust.ocsp(), serverId.owner()),
                trust.configuration()::require);
        return new MessageLogService(config.messageLog().messageLogConfig(config.dataDir()), serverId, parts,
                timing.clock()).start();
    }

    /** The message exchange: peer client, server proxy, client proxy listeners. */
    private void startExchange(SecurityServerId serverId) {
        ExchangeConfig settings = config.exchange();
        ExchangeContext context = new ExchangeContext(serverId, trust.configuration(),
                new MemberSigning(trust.token(), trust.ocsp(), config.token().batchSettings()),
                new SignatureCheck(new CadesVerifier(), CertificateProfiles.standard()),
                hooks.messageLog().apply(new ExchangeLogAdapter(messageLog)), settings,
                timing.clock());
        AuthIdentity identity = new OwnAuthIdentity(serverId, trust.token(), trust.ocsp(), trust.configuration());
        PeerAuthenticator peers = new PeerTrust(trust.configuration(), timing.clock());
        provider = new ProviderClient(settings.providerConnectTimeout());
        // The metaservices fetch OpenAPI and WSDL documents with their own client: no redirects, HTTP/1.1.
        descriptions = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.providerConnectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        MetaserviceConfig metaConfig = MetaserviceConfig.DEFAULTS;
        MetaserviceProvider metaservices = new MetaserviceProvider(registry, new DescriptionClient(descriptions,
                metaConfig), metaConfig);
        peerClient = new PeerClient(PeerClientConfig.DEFAULTS, identity, peers).start();
        serverProxy = new ServerProxyListener(ServerProxyConfig.defaults(config.listeners().serverProxy()), identity,
                peers, new ServerProxy(context, registry, provider, metaservices)).start();
        ClientProxy clientProxy = new ClientProxy(context, registry, isAuthentication,
                hooks.connector().apply(peerClient));
        clientHttp = new ClientHttpListener(ClientHttpConfig.plain("clientHttp", config.listeners().clientHttp()),
                clientProxy).start();
        clientHttps = new ClientHttpListener(ClientHttpConfig.https("clientHttps", config.listeners().clientHttps(),
                new InternalTls(config.dataDir().resolve(InternalTls.DIRECTORY)).serverContext()), clientProxy).start();
    }

    /** The bound port of the client proxy's plain HTTP listener. */
    public synchronized int clientHttpPort() {
        requireStarted();
        return clientHttp.port();
    }

    /** The bound port of the client proxy's HTTPS listener. */
    public synchronized int clientHttpsPort() {
        requireStarted();
        return clientHttps.port();
    }

    /** The bound server proxy port. */
    public synchronized int serverProxyPort() {
        requireStarted();
        return serverProxy.port();
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

    /** The message log: records, checkpoints, time-stamps and evidence. */
    public synchronized MessageLogService messageLog() {
        requireStarted();
        return messageLog;
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
        if (clientHttps != null) {
            clientHttps.close();
            clientHttps = null;
        }
        if (clientHttp != null) {
            clientHttp.close();
            clientHttp = null;
        }
        if (serverProxy != null) {
            serverProxy.close();
            serverProxy = null;
        }
        if (peerClient != null) {
            peerClient.close();
            peerClient = null;
        }
        if (provider != null) {
            provider.close();
            provider = null;
        }
        if (descriptions != null) {
            descriptions.close();
            descriptions = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (messageLog != null) {
            messageLog.close();
            messageLog = null;
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
        if (db == null || admin == null || clientHttps == null) {
            throw new IllegalStateException("the security server is not started");
        }
    }
}
