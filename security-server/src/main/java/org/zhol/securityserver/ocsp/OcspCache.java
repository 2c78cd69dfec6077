// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspCertStatus;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * Keeps a verified OCSP response for each of the server's own certificates, in memory and on disk,
 * and fetches new ones on a schedule.
 *
 * <p>{@link #start()} loads the responses on disk (no network), then starts one virtual thread that,
 * at once and then whenever one is due, asks the CA's responders for each own certificate: its
 * path to an approved CA is validated to find the CA and issuer, the answer's origin is verified,
 * and it replaces the cached response in memory and on disk. A failed fetch keeps the cached response
 * and is retried with a doubling wait. The scheduler also looks at the list of own certificates at
 * least every {@link OcspCacheConfig#tick()}, so a new certificate is fetched for at once;
 * {@link #refreshNow()} makes it look immediately. {@link #close()} stops the thread.
 *
 * <p>The queries of {@link OwnOcspResponses} read memory only and never block on the network.
 *
 * <p><b>Pitfalls:</b> the {@link OcspFetcher} (an {@code OcspClient}) is the caller's to close. The
 * trust configuration is read from the supplier on every pass and query, so a new global
 * configuration (new responders, another {@code ocspFreshness}) takes effect without a restart; a
 * supplier that throws (no or expired configuration) makes every certificate unusable.
 */
public final class OcspCache implements OwnOcspResponses, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OcspCache.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(10);

    private final OcspCacheConfig config;
    private final InstantSource clock;
    private final Supplier<TrustAnchors> trust;
    private final Supplier<List<X509Certificate>> ownCertificates;
    private final OcspFetcher fetcher;
    private final OcspResponseFiles files;
    private final Map<CertificateHash, CacheEntry> entries = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Object passLock = new Object();
    private volatile List<X509Certificate> known = List.of();
    private volatile Optional<String> listError = Optional.empty();
    private volatile boolean running;
    /** Set by {@link #refreshNow()}: the next pass retries certificates that are backing off after failures. */
    private volatile boolean forced;
    private Thread scheduler;

    /**
     * @param config          the directory and the timing
     * @param clock           the time of validation, freshness and scheduling
     * @param trust           the current approved CAs and {@code ocspFreshness}, e.g. from the global
     *                        configuration; may throw while there is none
     * @param ownCertificates the server's own certificates (those of the signer's AUTH and SIGN keys);
     *                        may throw while the token is locked
     * @param fetcher         asks the responders, normally {@code ocspClient::fetch}
     */
    public OcspCache(OcspCacheConfig config, InstantSource clock, Supplier<TrustAnchors> trust,
            Supplier<List<X509Certificate>> ownCertificates, OcspFetcher fetcher) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.ownCertificates = Objects.requireNonNull(ownCertificates, "ownCertificates");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.files = new OcspResponseFiles(config.directory());
    }

    /**
     * Creates the directory, loads the cached responses of the own certificates (no network), and
     * starts the scheduler, which fetches what is missing or due at once, in the background.
     *
     * @throws ZholException {@code IOError} when the directory cannot be created
     */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the OCSP cache is already started");
        }
        files.create();
        pass(false);
        running = true;
        scheduler = Thread.ofVirtual().name("zhol-ocsp-cache").start(this::run);
    }

    /**
     * Makes the scheduler look at the own certificates now, e.g. after a certificate was imported: it fetches
     * what is due, and retries at once any certificate that has no response yet or is backing off after
     * failures (a fresh response is not fetched again before its interval).
     */
    public void refreshNow() {
        forced = true;
        wake.release();
    }

    /** Stops the scheduler, interrupting a fetch under way. The cache on disk stays. */
    @Override
    public synchronized void close() {
        running = false;
        if (scheduler == null) {
            return;
        }
        wake.release();
        scheduler.interrupt();
        try {
            scheduler.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public Optional<byte[]> freshResponse(X509Certificate certificate) {
        return freshResponse(CertificateHash.of(certificate));
    }

    @Override
    public Optional<byte[]> freshResponse(CertificateHash certificateHash) {
        CacheEntry entry = entries.get(certificateHash);
        if (entry == null) {
            return Optional.empty();
        }
        Optional<TrustParameters> parameters = parameters();
        return parameters.isPresent() && entry.usable(parameters.get(), clock.instant())
                ? Optional.of(entry.response().orElseThrow().der()) : Optional.empty();
    }

    @Override
    public List<OwnOcspStatus> status() {
        Optional<TrustParameters> parameters = parameters();
        Instant now = clock.instant();
        List<OwnOcspStatus> all = new ArrayList<>();
        for (X509Certificate certificate : known) {
            CacheEntry entry = entry(certificate, now);
            OwnOcspStatus status = entry.status(parameters.orElse(TrustParameters.DEFAULTS), now);
            all.add(parameters.isPresent() ? status : new OwnOcspStatus(status.certificateHash(), status.usage(),
                    status.status(), status.thisUpdate(), status.freshUntil(), false, status.nextFetch(),
                    status.lastError()));
        }
        return List.copyOf(all);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        listError.ifPresent(problems::add);
        TrustParameters parameters;
        try {
            parameters = trust.get().trustParameters();
        } catch (RuntimeException e) {
            problems.add("No OCSP response can be used: the trust configuration is not available: " + describe(e));
            return List.copyOf(problems);
        }
        Instant now = clock.instant();
        for (X509Certificate certificate : known) {
            entry(certificate, now).problem(parameters, now).ifPresent(problems::add);
        }
        return List.copyOf(problems);
    }

    private CacheEntry entry(X509Certificate certificate, Instant now) {
        CacheEntry entry = entries.get(CertificateHash.of(certificate));
        return entry != null ? entry : CacheEntry.first(certificate, now);
    }

    private void run() {
        while (running) {
            try {
                pass(true);
            } catch (RuntimeException e) {
                LOG.warn("OCSP cache pass failed", e);
            }
            try {
                if (wake.tryAcquire(untilNextFetch().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Duration untilNextFetch() {
        Instant now = clock.instant();
        Duration wait = config.tick();
        for (CacheEntry entry : entries.values()) {
            Duration until = Duration.between(now, entry.nextFetch());
            if (until.compareTo(wait) < 0) {
                wait = until;
            }
        }
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    /** One look at the own certificates: load what is new from disk, and, with {@code fetch}, fetch what is due. */
    void pass(boolean fetch) {
        synchronized (passLock) {
            List<X509Certificate> own;
            try {
                own = List.copyOf(ownCertificates.get());
                listError = Optional.empty();
            } catch (RuntimeException e) {
                listError = Optional.of("The own certificates cannot be listed: " + describe(e));
                return;
            }
            known = own;
            TrustAnchors anchors;
            try {
                anchors = Objects.requireNonNull(trust.get(), "trust anchors");
            } catch (RuntimeException e) {
                LOG.warn("OCSP cache: no trust configuration: {}", describe(e));
                return;
            }
            Instant now = clock.instant();
            boolean force = fetch && forced;
            if (force) {
                forced = false;
            }
            for (X509Certificate certificate : own) {
                CertificateHash hash = CertificateHash.of(certificate);
                CacheEntry entry = entries.get(hash);
                if (entry == null) {
                    entry = load(CacheEntry.first(certificate, now), anchors, now);
                }
                boolean retryNow = force && (entry.failures() > 0 || entry.response().isEmpty());
                if (fetch && running && (retryNow || !now.isBefore(entry.nextFetch()))) {
                    entry = fetch(entry, anchors);
                }
                entries.put(hash, entry);
            }
            Set<CertificateHash> current = own.stream().map(CertificateHash::of).collect(Collectors.toSet());
            entries.keySet().retainAll(current);
        }
    }

    private CacheEntry load(CacheEntry entry, TrustAnchors anchors, Instant now) {
        try {
            Optional<byte[]> stored = files.read(entry.hash());
            if (stored.isEmpty()) {
                return entry;
            }
            OcspTarget target = target(entry.certificate(), anchors, now);
            OcspResponse response = OcspResponse.decode(stored.get());
            new OcspVerifier(anchors.trustParameters()).verifyOrigin(response, target);
            LOG.info("OCSP cache: loaded the response for {} certificate {} ({}, thisUpdate {})", entry.usage(),
                    entry.hash().hex(), response.status(), response.thisUpdate());
            return entry.withResponse(response,
                    CacheEntry.refreshAt(response, anchors.trustParameters(), config.fetchInterval()));
        } catch (ZholException e) {
            // A damaged file, or one about another certificate, is ignored: the fetch replaces it.
            LOG.warn("OCSP cache: ignoring the stored response for {}: {}", entry.hash().hex(), describe(e));
            return entry;
        }
    }

    private CacheEntry fetch(CacheEntry entry, TrustAnchors anchors) {
        TrustParameters parameters = anchors.trustParameters();
        try {
            OcspTarget target = target(entry.certificate(), anchors, clock.instant());
            OcspResponse response = fetcher.fetch(target);
            new OcspVerifier(parameters).verifyOrigin(response, target);
            Instant now = clock.instant();
            if (entry.response().isPresent() && response.thisUpdate().isBefore(entry.response().get().thisUpdate())) {
                return entry.withFailure("The responder gave an older response than the cached one",
                        retryAt(entry, now));
            }
            Instant refresh = CacheEntry.refreshAt(response, parameters, config.fetchInterval());
            Instant earliest = now.plus(config.retryInitial());
            CacheEntry updated = entry.withResponse(response, refresh.isAfter(earliest) ? refresh : earliest);
            try {
                files.write(entry.hash(), response.der());
            } catch (ZholException e) {
                // The response is still good to use from memory; only a restart would lose it.
                LOG.warn("OCSP cache: cannot store the response for {}: {}", entry.hash().hex(), describe(e));
                return updated.withFailure(describe(e), retryAt(entry, now));
            }
            LOG.info("OCSP cache: fetched the response for {} certificate {} ({}, thisUpdate {})", entry.usage(),
                    entry.hash().hex(), response.status(), response.thisUpdate());
            if (response.status() == OcspCertStatus.GOOD && !CacheEntry.fresh(response, parameters, now)) {
                return updated.withFailure("The responder gave a response that is not fresh (thisUpdate "
                        + response.thisUpdate() + ")", retryAt(entry, now));
            }
            return updated;
        } catch (ZholException e) {
            LOG.warn("OCSP cache: fetching the response for {} certificate {} failed: {}", entry.usage(),
                    entry.hash().hex(), describe(e));
            return entry.withFailure(describe(e), retryAt(entry, clock.instant()));
        }
    }

    private Instant retryAt(CacheEntry entry, Instant now) {
        return now.plus(config.retryDelay(entry.failures() + 1));
    }

    private static OcspTarget target(X509Certificate certificate, TrustAnchors anchors, Instant at) {
        return OcspTarget.of(CertChainValidator.validate(certificate, List.of(), anchors.approvedCas(), at));
    }

    private Optional<TrustParameters> parameters() {
        try {
            return Optional.of(trust.get().trustParameters());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof ZholException z ? z.faultCode() + ": " + z.detail() : e.getClass().getSimpleName();
    }
}
