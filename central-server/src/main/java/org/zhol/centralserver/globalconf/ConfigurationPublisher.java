// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.centralserver.registry.ConfigurationSource;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.globalconf.GlobalConfDirectoryCodec;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.GlobalConfPartsCodec;
import org.zhol.protocol.globalconf.GlobalConfVerifier;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.VerifiedGlobalConf;

/**
 * Publishes the global configuration: every {@link PublishingConfig#interval()} it writes a new
 * generation, signed with the active key, if
 * <ul>
 * <li>the registry changed ({@link ConfigurationSource#version()}, confirmed by comparing content),</li>
 * <li>the signing key or the published signer set changed (rotation), or</li>
 * <li>half of the last generation's validity has passed, so that it is replaced well before it expires.</li>
 * </ul>
 * Generation numbers strictly increase, also across restarts; every generation is stored durably
 * ({@link GenerationStore}) before {@code latest} points to it, and carries the published anchor
 * ({@link GlobalConfLayout#ANCHOR_PART}).
 *
 * <p>Life cycle: the constructor only assigns. {@link #start()} loads the latest stored generation and
 * schedules the checks on a virtual thread, the first at once; {@link #close()} stops them. Start the
 * {@link ConfigurationSigningKeys} first.
 */
public final class ConfigurationPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPublisher.class);
    private static final long UNKNOWN_VERSION = Long.MIN_VALUE;

    /** The newest generation and what it was made from. */
    private record Published(GlobalConfDirectory directory, GlobalConfFiles files, X509Certificate signer,
            List<X509Certificate> signers) {
    }

    private final PublishingConfig config;
    private final ConfigurationSource source;
    private final ConfigurationSigningKeys keys;
    private final GenerationStore store;
    private final Clock clock;
    private final AnchorExport anchors;
    private boolean loaded;
    private Published last;
    private long lastVersion = UNKNOWN_VERSION;
    private ScheduledExecutorService scheduler;

    /**
     * @param config what to publish, where, how often
     * @param source the registry's configuration
     * @param keys   the configuration signing keys (started)
     * @param store  where generations are kept; the {@link ConfigurationHttp} serves the same store
     * @param clock  the time of generations
     */
    public ConfigurationPublisher(PublishingConfig config, ConfigurationSource source, ConfigurationSigningKeys keys,
            GenerationStore store, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.source = Objects.requireNonNull(source, "source");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anchors = new AnchorExport(config, keys);
        if (!store.instance().equals(config.instance())) {
            throw new IllegalArgumentException("the store is for " + store.instance() + ", not " + config.instance());
        }
    }

    /** Loads the latest stored generation and schedules the checks, the first at once. */
    public synchronized ConfigurationPublisher start() {
        if (scheduler != null) {
            throw new IllegalStateException("the publisher is already started");
        }
        ensureLoaded();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("zhol-publisher").factory());
        scheduler.scheduleWithFixedDelay(this::tick, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the checks; a generation being written is finished first (up to five seconds). */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The newest published generation's directory, if any. */
    public synchronized Optional<GlobalConfDirectory> latest() {
        ensureLoaded();
        return Optional.ofNullable(last).map(Published::directory);
    }

    /**
     * What each scheduled check does: publishes a new generation if something changed or the last one
     * is past half its validity.
     *
     * @return the new generation's directory, or empty if none was needed
     */
    public synchronized Optional<GlobalConfDirectory> publishIfNeeded() {
        ensureLoaded();
        Instant now = clock.instant();
        long version = source.version();
        ConfigurationSigningKey key = keys.signingKey();
        List<X509Certificate> signers = keys.publishedSigners();
        boolean sameKeys = last != null && fresh(last, now) && last.signer().equals(key.certificate())
                && last.signers().equals(signers);
        if (sameKeys && version == lastVersion) {
            return Optional.empty();
        }
        GlobalConfiguration conf = source.current();
        ConfigurationAnchor anchor = anchors.anchor(signers);
        if (sameKeys && sameContent(last.files(), conf, anchor)) {
            lastVersion = version;
            return Optional.empty();
        }
        return Optional.of(publish(conf, anchor, key, now, version));
    }

    /** Publishes a new generation now, whether or not anything changed (for the CLI and tests). */
    public synchronized GlobalConfDirectory publishNow() {
        ensureLoaded();
        long version = source.version();
        return publish(source.current(), anchors.anchor(keys.publishedSigners()), keys.signingKey(),
                clock.instant(), version);
    }

    private void tick() {
        try {
            publishIfNeeded().ifPresent(d -> LOG.info("Published configuration generation {} of {}, expires {}",
                    d.generation(), d.instance(), d.expiresAt()));
        } catch (RuntimeException e) {
            LOG.error("Cannot publish the global configuration; will retry in {}", config.interval(), e);
        }
    }

    private GlobalConfDirectory publish(GlobalConfiguration conf, ConfigurationAnchor anchor,
            ConfigurationSigningKey key, Instant now, long version) {
        if (!conf.instance().equals(config.instance())) {
            throw ZholException.internal(ErrorCode.MALFORMED_GLOBAL_CONF, "The registry's configuration is for "
                    + conf.instance() + ", not " + config.instance(), null);
        }
        try {
            long generation = Math.max(store.highestGeneration(), last == null ? 0 : last.directory().generation())
                    + 1;
            GlobalConfFiles files = new GlobalConfWriter(key).write(conf, generation, now, anchor);
            store.store(generation, files);
            last = new Published(directory(files), files, key.certificate(), anchor.signingCertificates());
            lastVersion = version;
            return last.directory();
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot store a configuration generation", e);
        }
    }

    /** Replace a generation once half of its validity has passed. */
    private static boolean fresh(Published published, Instant now) {
        GlobalConfDirectory d = published.directory();
        Duration half = Duration.between(d.generatedAt(), d.expiresAt()).dividedBy(2);
        return now.isBefore(d.generatedAt().plus(half));
    }

    private static boolean sameContent(GlobalConfFiles files, GlobalConfiguration conf, ConfigurationAnchor anchor) {
        Map<String, byte[]> parts = new LinkedHashMap<>(GlobalConfPartsCodec.encode(conf));
        parts.put(GlobalConfLayout.ANCHOR_PART, ConfigurationAnchorCodec.encode(anchor));
        Map<String, byte[]> published = files.parts();
        return parts.keySet().equals(published.keySet())
                && parts.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), published.get(e.getKey())));
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        try {
            OptionalLong latest = store.latest();
            if (latest.isPresent()) {
                last = load(latest.getAsLong()).orElse(null);
            }
        } catch (IOException | ZholException e) {
            LOG.warn("Cannot load the latest stored configuration generation; a new one will be published", e);
        }
        loaded = true;
    }

    /** A stored generation, checked against the anchor it carries (integrity, not trust). */
    private Optional<Published> load(long generation) throws IOException {
        Optional<GlobalConfFiles> files = store.read(generation);
        byte[] anchorPart = files.map(f -> f.parts().get(GlobalConfLayout.ANCHOR_PART)).orElse(null);
        if (anchorPart == null) {
            LOG.warn("Stored generation {} is incomplete; a new one will be published", generation);
            return Optional.empty();
        }
        ConfigurationAnchor anchor = ConfigurationAnchorCodec.decode(anchorPart);
        GlobalConfDirectory directory = directory(files.get());
        VerifiedGlobalConf verified = new GlobalConfVerifier(anchor).verifyAndDecode(files.get(),
                directory.generatedAt());
        return Optional.of(new Published(verified.directory(), files.get(), verified.signer(),
                anchor.signingCertificates()));
    }

    private static GlobalConfDirectory directory(GlobalConfFiles files) {
        return GlobalConfDirectoryCodec.decode(files.directory());
    }

    @Override
    public String toString() {
        return "ConfigurationPublisher[" + config.instance() + ", every " + config.interval() + "]";
    }
}
