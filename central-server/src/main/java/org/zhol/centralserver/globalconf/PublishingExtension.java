// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.CentralServerExtension;
import org.zhol.centralserver.admin.AdminJson;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.centralserver.trust.keys.SigningKeysConfig;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.Router;

/**
 * The configuration signing keys and the publisher, plugged into the central server (see
 * {@code docs/publishing.md}): {@code init} creates signing key 1; {@code start} starts the keys and the
 * generation loop (every {@code generationIntervalSeconds}); the download listener serves the
 * generations; the admin API gets {@code GET /anchor}, {@code GET /keys}, {@code POST /keys/future},
 * {@code POST /keys/activate} and {@code POST /configuration/publish}.
 *
 * <p>It keeps the services of the current run (one {@link CentralContext}): the admin and download
 * routes are built before {@link #start} binds the publisher to the listeners' real ports.
 */
public final class PublishingExtension implements CentralServerExtension {

    private final Clock clock;
    private final KeyStorePasswords passwords;
    private PublishingRun run;

    /**
     * @param clock               the time of generations and key states
     * @param environmentPassword the {@code ZHOL_KEYSTORE_PASSWORD} environment variable, if set
     */
    public PublishingExtension(Clock clock, Optional<String> environmentPassword) {
        this.clock = clock;
        this.passwords = new KeyStorePasswords(environmentPassword);
    }

    @Override
    public void initialise(CentralContext context) {
        new ConfigurationSigningKeys(keysConfig(context.config()), context.config().instance(),
                passwords.forInit(context.config()), clock).initialise();
    }

    @Override
    public void adminRoutes(Router.Builder routes, CentralContext context) {
        new PublishingRoutes(run(context), new AdminJson(context.json())).register(routes);
    }

    @Override
    public void downloadRoutes(Router.Builder routes, CentralContext context) {
        new ConfigurationHttp(run(context).store()).routes(routes);
    }

    @Override
    public AutoCloseable start(CentralContext context) {
        return run(context).start(downloadUrls(context), context.config().generationInterval());
    }

    /** The services of the run on {@code context}: made by the first hook of a start. */
    synchronized PublishingRun run(CentralContext context) {
        if (run == null || run.context() != context) {
            CentralServerConfig config = context.config();
            ConfigurationSigningKeys keys = new ConfigurationSigningKeys(keysConfig(config), config.instance(),
                    passwords.forStart(config), clock);
            run = new PublishingRun(context, keys, new GenerationStore(config.dataPath().resolve("globalconf"),
                    config.instance()), clock);
        }
        return run;
    }

    static SigningKeysConfig keysConfig(CentralServerConfig config) {
        SigningKeysConfig defaults = SigningKeysConfig.defaults(config.dataPath());
        return new SigningKeysConfig(defaults.directory(),
                Duration.ofSeconds(config.publishing().futureNoticeSeconds()),
                Duration.ofSeconds(config.publishing().retiredGraceSeconds()), defaults.certificateValidity());
    }

    /** The configured download URLs, or the download listener's own. */
    static List<URI> downloadUrls(CentralContext context) {
        List<String> configured = context.config().publishing().downloadUrlList();
        if (!configured.isEmpty()) {
            return configured.stream().map(URI::create).toList();
        }
        Integer port = context.ports().get().get("download");
        if (port == null) {
            throw ZholException.internal(ErrorCode.MALFORMED_SERVER_CONF, "The download listener is not running", null);
        }
        String host = context.config().listeners().download().host();
        host = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        return List.of(URI.create("http://" + host + ":" + port + "/"));
    }
}
