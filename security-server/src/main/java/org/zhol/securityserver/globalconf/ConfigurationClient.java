// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.VerifiedGlobalConf;

/**
 * The configuration client: every refresh interval it downloads the newest global configuration from the
 * installed anchor's URLs, verifies it ({@link EffectiveAnchor}, which follows signing-key rotations),
 * stores it as the last good copy ({@link ConfigurationCache}) and serves it as the
 * {@link CurrentConfiguration}.
 *
 * <ul>
 * <li>{@link #start()} loads the cached copy without any network call and schedules the downloads;
 * {@link #close()} stops them. The constructor only assigns.</li>
 * <li>A failed attempt keeps the last good copy, which is used until it expires; then {@link #require()}
 * throws {@code OutdatedGlobalConf}. Attempts go on with exponential back-off ({@link Backoff}) and
 * recovery needs nobody.</li>
 * <li>A generation older than the one held is refused as rollback ({@link #ROLLBACK}).</li>
 * <li>Each failure is logged at WARN once per change of its code or detail; repeats go to DEBUG.</li>
 * </ul>
 *
 * Thread-safe: downloads are serialised, readers see an immutable snapshot.
 */
public final class ConfigurationClient implements CurrentConfiguration, AutoCloseable {

    /** The code of a refused rollback: {@code MalformedGlobalConf.InvalidResponse}. */
    public static final FaultCode ROLLBACK = ConfigurationFaults.ROLLBACK;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationClient.class);

    private final ConfigurationClientConfig config;
    private final AnchorStore anchors;
    private final GenerationDownload download;
    private final ConfigurationCache cache;
    private final Clock clock;
    private final Backoff backoff;
    private final Object refreshLock = new Object();
    private volatile Snapshot snapshot;
    /** Guarded by {@link #refreshLock}: what the next download is verified with; null until known. */
    private EffectiveAnchor trust;
    /** Guarded by {@link #refreshLock}: the SHA-256 of the installed anchor file that {@link #trust} grew from. */
    private String trustBasis = "";
    /** Guarded by {@link #refreshLock}. */
    private boolean expiryLogged;
    /** Guarded by {@code this}. */
    private ScheduledExecutorService scheduler;

    /**
     * @param config     settings
     * @param anchors    the installed anchor, read at every attempt
     * @param downloader the network seam ({@link HttpDownloader}); not closed by this client
     * @param clock      the time for expiry and status
     */
    public ConfigurationClient(ConfigurationClientConfig config, AnchorStore anchors, ConfigurationDownloader downloader,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        this.download = new GenerationDownload(downloader);
        this.cache = new ConfigurationCache(config.directory());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(config.initialBackoff(), config.refreshInterval(), RandomGenerator.getDefault());
        this.snapshot = new Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), 0, Duration.ZERO);
    }

    /** What readers see; replaced as a whole. */
    private record Snapshot(Optional<VerifiedGlobalConf> conf, Optional<Instant> lastSuccess,
            Optional<ConfigurationStatus.Failure> lastError, int failures, Duration nextDelay) {

        Snapshot withConfiguration(VerifiedGlobalConf verified) {
            return new Snapshot(Optional.of(verified), lastSuccess, lastError, failures, nextDelay);
        }
    }

    /**
     * Loads the cached configuration (no network call), then schedules the downloads: at once when no
     * usable copy was cached, otherwise after the refresh interval or half the copy's remaining validity,
     * whichever is shorter.
     */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the configuration client is already started");
        }
        Duration first = loadCached();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("zhol-globalconf").factory());
        schedule(first);
    }

    /** Stops the downloads; the configuration held stays readable. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public GlobalConfiguration require() {
        Snapshot current = snapshot;
        VerifiedGlobalConf verified = current.conf().orElseThrow(() -> ConfigurationFaults.outdated(
                "No global configuration has been downloaded and verified yet"));
        Instant expiresAt = verified.directory().expiresAt();
        if (!clock.instant().isBefore(expiresAt)) {
            throw ConfigurationFaults.outdated("The global configuration (generation "
                    + verified.directory().generation() + ") expired at " + expiresAt
                    + " and no newer one could be downloaded and verified");
        }
        return verified.configuration();
    }

    @Override
    public Optional<Instant> expiresAt() {
        return snapshot.conf().map(c -> c.directory().expiresAt());
    }

    @Override
    public ConfigurationStatus status() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        Optional<Instant> expires = current.conf().map(c -> c.directory().expiresAt());
        return new ConfigurationStatus(expires.map(now::isBefore).orElse(false), now,
                current.conf().map(c -> c.directory().generation()).orElse(0L), expires, current.lastSuccess(),
                current.lastError(), current.failures());
    }

    /**
     * One download attempt now, as the schedule makes them (also after an anchor import). Never throws for
     * a failed download: the failure is in the returned status.
     */
    public ConfigurationStatus refreshNow() {
        synchronized (refreshLock) {
            Instant now = clock.instant();
            try {
                attempt(now);
                succeeded(now);
            } catch (ZholException e) {
                failed(now, e);
            } catch (RuntimeException e) {
                failed(now, ZholException.internal(ErrorCode.INTERNAL_ERROR,
                        "Unexpected failure of the configuration download", e));
            }
            logExpiry(now);
        }
        return status();
    }

    /** The wait before the next scheduled attempt: the refresh interval, or the back-off after failures. */
    Duration nextDelay() {
        return snapshot.nextDelay();
    }

    private void attempt(Instant now) {
        AnchorStore.Installed installed = anchors.installed().orElseThrow(() -> ConfigurationFaults.outdated(
                "No configuration anchor has been imported"));
        if (trust == null || !installed.sha256().equals(trustBasis)) {
            if (trust != null) {
                LOG.info("The installed configuration anchor changed; verifying with its signers from now on");
            }
            trust = EffectiveAnchor.installed(installed.anchor());
            trustBasis = installed.sha256();
        }
        long held = snapshot.conf().map(c -> c.directory().generation()).orElse(0L);
        Optional<GenerationDownload.Downloaded> downloaded = download.download(trust, held, now);
        if (downloaded.isEmpty()) {
            return;
        }
        EffectiveAnchor.Update update = downloaded.get().update();
        long generation = update.configuration().directory().generation();
        cache.store(generation, downloaded.get().files(), update.anchor(), trustBasis);
        if (!update.anchor().equals(trust)) {
            LOG.info("Configuration signers updated from generation {}: {} certificates", generation,
                    update.anchor().anchor().signingCertificates().size());
        }
        trust = update.anchor();
        snapshot = snapshot.withConfiguration(update.configuration());
        expiryLogged = false;
        LOG.info("Global configuration generation {} verified and stored; valid until {}", generation,
                update.configuration().directory().expiresAt());
    }

    private void succeeded(Instant now) {
        Snapshot before = snapshot;
        if (before.failures() > 0) {
            LOG.info("Configuration download works again after {} failed attempts", before.failures());
        }
        snapshot = new Snapshot(before.conf(), Optional.of(now), Optional.empty(), 0, config.refreshInterval());
    }

    private void failed(Instant now, ZholException e) {
        Snapshot before = snapshot;
        int failures = before.failures() + 1;
        Duration delay = backoff.delay(failures);
        ConfigurationStatus.Failure failure = new ConfigurationStatus.Failure(now, e.faultCode().toString(), e.detail());
        boolean changed = before.lastError().map(f -> !f.code().equals(failure.code())
                || !f.detail().equals(failure.detail())).orElse(true);
        if (changed) {
            LOG.warn("Configuration download failed: {}: {}; keeping generation {}; retrying with back-off",
                    failure.code(), failure.detail(), before.conf().map(c -> c.directory().generation()).orElse(0L));
            LOG.debug("Cause of the configuration download failure", e);
        } else {
            LOG.debug("Configuration download failed again ({} in a row): {}; next attempt in {}", failures,
                    failure.code(), delay);
        }
        snapshot = new Snapshot(before.conf(), before.lastSuccess(), Optional.of(failure), failures, delay);
    }

    private void logExpiry(Instant now) {
        Optional<VerifiedGlobalConf> conf = snapshot.conf();
        if (conf.isPresent() && !now.isBefore(conf.get().directory().expiresAt()) && !expiryLogged) {
            expiryLogged = true;
            LOG.warn("The global configuration (generation {}) expired at {}: exchanges fail with OutdatedGlobalConf"
                    + " until a newer one verifies", conf.get().directory().generation(),
                    conf.get().directory().expiresAt());
        }
    }

    /** Loads the cached copy and returns the wait before the first download. */
    private Duration loadCached() {
        synchronized (refreshLock) {
            Instant now = clock.instant();
            try {
                Optional<ConfigurationCache.Cached> cached = cache.load();
                if (cached.isEmpty()) {
                    LOG.info("No cached global configuration in {}; downloading one", config.directory());
                    return Duration.ZERO;
                }
                // Verified as of the epoch: signature, signers and hashes are checked, the expiry is not. An
                // expired copy still tells which generation is held (against rollback); require() checks the
                // expiry against the clock.
                EffectiveAnchor.Update update = cached.get().trust().verifyAndUpdate(cached.get().files(), Instant.EPOCH);
                trust = update.anchor();
                trustBasis = cached.get().installedSha256();
                snapshot = snapshot.withConfiguration(update.configuration());
            } catch (RuntimeException e) {
                LOG.warn("The cached global configuration cannot be used ({}); downloading a new one", e.toString());
                return Duration.ZERO;
            }
            Instant expiresAt = snapshot.conf().orElseThrow().directory().expiresAt();
            LOG.info("Cached global configuration generation {} loaded; valid until {}",
                    snapshot.conf().orElseThrow().directory().generation(), expiresAt);
            logExpiry(now);
            Duration left = Duration.between(now, expiresAt).dividedBy(2);
            return left.isNegative() ? Duration.ZERO : min(config.refreshInterval(), left);
        }
    }

    private void cycle() {
        refreshNow();
        schedule(snapshot.nextDelay());
    }

    private synchronized void schedule(Duration delay) {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.schedule(this::cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "ConfigurationClient[" + config.instance() + ", " + config.directory() + "]";
    }
}
