// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.ocsp.OcspClientConfig;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.globalconf.AnchorImport;
import org.zhol.securityserver.globalconf.AnchorStore;
import org.zhol.securityserver.globalconf.ConfigurationClient;
import org.zhol.securityserver.globalconf.ConfigurationClientConfig;
import org.zhol.securityserver.globalconf.HttpDownloader;
import org.zhol.securityserver.ocsp.OcspCache;
import org.zhol.securityserver.ocsp.OcspCacheConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.Token;

/**
 * The parts of the server that hold its keys and its trust, started and closed together by
 * {@link SecurityServer}: the token (opened with the PIN), the configuration client with its anchor
 * import, and the OCSP cache of the server's own certificates. {@link #start()} makes no network call
 * before the background downloads begin; {@link #close()} stops them in reverse order and locks the token.
 */
final class TrustServices implements AutoCloseable {

    /** Where the configuration client keeps its files in the data directory. */
    static final String GLOBALCONF_DIRECTORY = "globalconf";

    /**
     * The time and the background timings; tests move the clock and shorten the timings.
     *
     * @param clock                the time of expiry, freshness and scheduling
     * @param ocspTick             the longest the OCSP scheduler sleeps
     * @param configurationRefresh the configuration client's refresh interval
     */
    record Timing(Clock clock, Duration ocspTick, Duration configurationRefresh) {
        static final Timing SYSTEM = new Timing(Clock.systemUTC(), OcspCacheConfig.DEFAULT_TICK,
                Duration.ofSeconds(ConfigurationClientConfig.DEFAULT_REFRESH_SECONDS));

        Timing {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ocspTick, "ocspTick");
            Objects.requireNonNull(configurationRefresh, "configurationRefresh");
        }
    }

    private final SecurityServerConfig config;
    private final PinSource pin;
    private final Timing timing;
    private Token token;
    private HttpDownloader downloader;
    private ConfigurationClient configuration;
    private AnchorImport anchorImport;
    private OwnOcspFetcher fetcher;
    private OcspCache ocsp;

    TrustServices(SecurityServerConfig config, PinSource pin, Timing timing) {
        this.config = config;
        this.pin = pin;
        this.timing = timing;
    }

    /**
     * Opens the token, then starts the configuration client (cached copy, no network) and the OCSP cache.
     *
     * @throws ZholException {@code PinIncorrect} or {@code LoginFailed} when the token cannot be opened (it
     *                       stays locked), {@code MalformedServerConf} when the token was never initialised
     */
    void start() {
        token = Token.create(config.tokenConfig(), new DefaultCertificateProfile());
        if (!token.initialised()) {
            throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF, "Token '" + token.id()
                    + "' has not been initialised; run 'init' (it sets the PIN)");
        }
        token.open(pin);
        String instance = config.serverId().owner().instance();
        ConfigurationClientConfig conf = ConfigurationClientConfig.defaults(instance,
                config.dataDir().resolve(GLOBALCONF_DIRECTORY)).withRefreshInterval(timing.configurationRefresh());
        downloader = new HttpDownloader(conf.requestTimeout());
        AnchorStore anchors = new AnchorStore(conf.directory());
        anchorImport = new AnchorImport(instance, anchors, downloader, timing.clock());
        configuration = new ConfigurationClient(conf, anchors, downloader, timing.clock());
        configuration.start();
        fetcher = new OwnOcspFetcher(OcspClientConfig.DEFAULTS, () -> configuration.require().trustParameters());
        OcspCacheConfig defaults = OcspCacheConfig.defaults(config.dataDir());
        ocsp = new OcspCache(new OcspCacheConfig(defaults.directory(), defaults.fetchInterval(),
                defaults.retryInitial(), defaults.retryMax(), timing.ocspTick()), timing.clock(),
                configuration::require, this::ownCertificates, fetcher);
        ocsp.start();
    }

    private List<X509Certificate> ownCertificates() {
        return token.keys().stream().flatMap(k -> k.certificates().stream()).toList();
    }

    Token token() {
        return token;
    }

    ConfigurationClient configuration() {
        return configuration;
    }

    AnchorImport anchorImport() {
        return anchorImport;
    }

    OcspCache ocsp() {
        return ocsp;
    }

    /** Stops the OCSP cache and the configuration client, closes their HTTP clients and locks the token. */
    @Override
    public void close() {
        if (ocsp != null) {
            ocsp.close();
            ocsp = null;
        }
        if (fetcher != null) {
            fetcher.close();
            fetcher = null;
        }
        if (configuration != null) {
            configuration.close();
            configuration = null;
        }
        if (downloader != null) {
            downloader.close();
            downloader = null;
        }
        if (token != null) {
            token.close();
            token = null;
        }
    }
}
