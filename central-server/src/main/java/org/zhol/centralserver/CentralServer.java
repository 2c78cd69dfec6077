// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.admin.AdminApi;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.centralserver.store.SqlInstanceStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.config.ListenerConfig;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * The composition root of a central server. The constructor only assigns; {@link #start()} opens and
 * migrates the database, wires the services, starts the admin, download and registration listeners (in
 * that order) and then the extensions; {@link #close()} stops them in reverse order.
 */
public final class CentralServer implements AutoCloseable {

    /** Flyway locations: the shared token table, then the central server's own migrations. */
    static final String[] MIGRATIONS = {"classpath:db/support", "classpath:db/central"};

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    /** The listeners by name, in the order {@link #ports()} lists them. */
    private static final List<String> LISTENERS = List.of("admin", "registration", "download");

    private final CentralServerConfig config;
    private final List<CentralServerExtension> extensions;
    private Database database;
    private CentralContext context;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, HttpServer> listeners = new LinkedHashMap<>();

    /** @param extensions the parts built elsewhere, called in this order (see {@link CentralServerExtension}) */
    public CentralServer(CentralServerConfig config, List<CentralServerExtension> extensions) {
        this.config = config;
        this.extensions = List.copyOf(extensions);
    }

    /**
     * Starts the server.
     *
     * @throws ZholException {@code MalformedServerConf} when the database was never initialised or
     *                       belongs to another instance; {@code DatabaseError} or {@code NetworkError}
     *                       when the database or a port cannot be opened
     */
    public synchronized CentralServer start() {
        if (database != null) {
            throw new IllegalStateException("the central server is already started");
        }
        try {
            database = Database.open(config.databaseConfig(), MIGRATIONS);
            context = CentralContext.wire(config, database, storedInstance(database), this::ports);
            startListeners();
            for (CentralServerExtension extension : extensions) {
                running.add(extension.start(context));
            }
            LOG.info("Central server for instance {} started: {}", context.config().instance(), ports());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String storedInstance(Database db) {
        String stored = new SqlInstanceStore(db).instance().orElseThrow(() -> ZholException.internal(
                ErrorCode.MALFORMED_SERVER_CONF, "The central server is not initialised; run 'init' first", null));
        if (!config.instance().isEmpty() && !config.instance().equals(stored)) {
            throw ZholException.internal(ErrorCode.MALFORMED_SERVER_CONF, "The configuration says instance "
                    + config.instance() + " but the database belongs to " + stored, null);
        }
        return stored;
    }

    private void startListeners() {
        Router.Builder admin = Router.builder();
        AdminApi api = new AdminApi(context, new SqlApiTokenStore(database), this::ports);
        api.register(admin);
        Router.Builder registration = Router.builder();
        Router.Builder download = Router.builder();
        for (CentralServerExtension extension : extensions) {
            extension.adminRoutes(admin, context);
            extension.registrationRoutes(registration, context);
            extension.downloadRoutes(download, context);
        }
        // The plain listeners first: the registration listener's TLS context costs CPU that would
        // otherwise delay their first answers.
        listen("admin", config.listeners().admin(), api.handler(admin.build()), Optional.empty());
        listen("download", config.listeners().download(), download.build(), Optional.empty());
        listen("registration", config.listeners().registration(), registration.build(), extensions.stream()
                .map(e -> e.registrationTls(context)).flatMap(Optional::stream).findFirst());
    }

    private void listen(String name, ListenerConfig where, HttpHandler handler,
            Optional<io.netty.handler.ssl.SslContext> tls) {
        HttpServerConfig http = HttpServerConfig.plain(name, where.host(), where.port());
        if (tls.isPresent()) {
            http = http.withTls(tls.get());
        } else if ("registration".equals(name)) {
            LOG.warn("The registration listener has no TLS context yet; it serves plain HTTP");
        }
        HttpServer server = new HttpServer(http, handler, context.json());
        listeners.put(name, server);
        server.start();
    }

    /** The services, once started. */
    public synchronized CentralContext context() {
        if (context == null) {
            throw new IllegalStateException("the central server is not started");
        }
        return context;
    }

    /** The bound port of each listener, by name: {@code admin}, {@code registration}, {@code download}. */
    public synchronized Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : LISTENERS) {
            HttpServer server = listeners.get(name);
            try {
                if (server != null) {
                    ports.put(name, server.port());
                }
            } catch (IllegalStateException notStarted) {
                // a listener that failed to bind has no port
            }
        }
        return ports;
    }

    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("An extension failed to stop", e);
            }
        }
        running.clear();
        List<HttpServer> servers = new ArrayList<>(listeners.values());
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
        listeners.clear();
        if (database != null) {
            database.close();
            database = null;
        }
        context = null;
    }
}
