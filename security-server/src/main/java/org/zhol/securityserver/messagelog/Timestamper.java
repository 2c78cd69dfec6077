// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.EvidenceBatch;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.protocol.tsp.TspClient;
import org.zhol.securityserver.store.TimestampRepository;

/**
 * Stamps the log every time-stamping interval of the global configuration (protocol-spec
 * {@code docs/log.md} §6): it has a fresh checkpoint signed over every durable record, builds the
 * RFC 4998 hash tree over the records since the last stamp and that checkpoint, asks the approved TSAs,
 * in order, for an RFC 3161 token over its root, and stores the token with each record's evidence
 * record. When every TSA fails it tries again after
 * {@code retryDelay}. It tracks the oldest unstamped record and answers {@link TimestampingStatus}:
 * once that record is older than the acceptable failure period, new exchanges must fail with
 * {@code LoggingFailed.TimestamperFailed}; the first successful stamp covers the whole backlog, and the
 * check passes again.
 *
 * <p>The constructor only assigns; {@link #start()} loads the last stamp and starts the schedule.
 */
public final class Timestamper implements TimestampingStatus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Timestamper.class);

    /**
     * What the timestamper works with.
     *
     * @param log          the records
     * @param checkpointer signs the checkpoint to stamp
     * @param timestamps   where stamps are kept
     * @param trust        the current approved TSAs and time-stamping interval (the global configuration);
     *                     may throw when none is held
     * @param clock        the time against which the oldest unstamped record is judged
     */
    public record Parts(MessageLog log, Checkpointer checkpointer, TimestampRepository timestamps,
            Supplier<TrustAnchors> trust, Clock clock) {
        public Parts {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(checkpointer, "checkpointer");
            Objects.requireNonNull(timestamps, "timestamps");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** The oldest unstamped record's time, remembered for one stamped size. */
    private record Oldest(long stampedSize, Optional<Instant> loggedAt) {
    }

    private final MessageLogConfig.Stamping config;
    private final Parts parts;
    private final EvidenceRenewal renewal;
    private volatile long stampedSize;
    private volatile Oldest oldest = new Oldest(-1, Optional.empty());
    private volatile JobStatus status = JobStatus.NEVER;
    private volatile JobStatus renewalStatus = JobStatus.NEVER;
    private ScheduledExecutorService scheduler;

    public Timestamper(MessageLogConfig.Stamping config, Parts parts) {
        this.config = Objects.requireNonNull(config, "config");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.renewal = new EvidenceRenewal(config.tsp(), parts.timestamps());
    }

    /** Loads the last stamp and schedules the first run one interval from now. */
    public synchronized Timestamper start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        stampedSize = parts.timestamps().latest().map(LogTimestamp::endLeaf).orElse(0L);
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("zhol-messagelog-timestamper").daemon(true).factory());
        scheduleNext(interval());
        return this;
    }

    /**
     * Stamps every durable record not stamped yet, with a fresh checkpoint.
     *
     * @return the new stamp; empty when there was nothing to stamp
     * @throws ZholException {@code TimestampingFailed.*} when no approved TSA gave a valid token, or the
     *                       checkpoint's faults
     */
    public synchronized Optional<LogTimestamp> stampNow() {
        Instant now = parts.clock().instant();
        try {
            Optional<LogTimestamp> stamped = stamp();
            status = status.succeeded(now);
            return stamped;
        } catch (RuntimeException e) {
            status = e instanceof ZholException z ? status.failed(now, z.faultCode().toString(), z.detail())
                    : status.failed(now, "InternalError", e.toString());
            throw e;
        }
    }

    private Optional<LogTimestamp> stamp() {
        if (parts.log().size() <= stampedSize) {
            return Optional.empty();
        }
        LogCheckpoint checkpoint = parts.checkpointer().checkpointNow().orElseThrow();
        Optional<LogTimestamp> last = Optional.empty();
        while (stampedSize < checkpoint.treeSize()) {
            last = Optional.of(stampBatch(checkpoint, stampedSize,
                    Math.min(checkpoint.treeSize(), stampedSize + config.maxBatch())));
        }
        return last;
    }

    /** Stamps the records {@code [from, end)} with {@code checkpoint} through one RFC 4998 hash tree. */
    private LogTimestamp stampBatch(LogCheckpoint checkpoint, long from, long end) {
        List<List<EntryDigest>> groups = parts.log().entries(from, end).stream().map(LogEntries::stampedFiles)
                .toList();
        if (groups.size() != end - from) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Records " + from + " to " + (end - 1)
                    + " are not all in the log", null);
        }
        EvidenceBatch batch = new EvidenceBatch(groups, checkpoint.signed());
        TrustAnchors trust = parts.trust().get();
        TimestampToken token;
        try (TspClient client = new TspClient(config.tsp(), new TimestampVerifier(trust.approvedTsas(),
                Optional.empty()))) {
            token = client.stamp(batch.imprint());
        }
        EvidenceBatch.Stamped evidence = batch.stamp(token);
        LogTimestamp made = new LogTimestamp(from, end, checkpoint.treeSize(), token, tsaName(trust, token),
                evidence.checkpointEvidence());
        parts.timestamps().save(made, evidence.recordEvidence());
        stampedSize = end;
        LOG.info("Time-stamped message log records {} to {} and checkpoint {} by {}", from, end - 1,
                checkpoint.treeSize(), made.tsaName());
        return made;
    }

    /**
     * Renews the evidence records whose newest TSA certificate expires within {@code renewBefore}.
     *
     * @return how many batches were renewed
     * @throws ZholException {@code TimestampingFailed.*} when no approved TSA that outlasts them gives a token
     */
    public synchronized int renewNow() {
        Instant now = parts.clock().instant();
        try {
            int renewed = renewal.renewDue(parts.trust().get(), now.plus(config.renewBefore()));
            renewalStatus = renewalStatus.succeeded(now);
            return renewed;
        } catch (RuntimeException e) {
            renewalStatus = e instanceof ZholException z ? renewalStatus.failed(now, z.faultCode().toString(), z.detail())
                    : renewalStatus.failed(now, "InternalError", e.toString());
            throw e;
        }
    }

    /** How the last renewal of evidence records went. */
    public JobStatus renewalStatus() {
        return renewalStatus;
    }

    private static String tsaName(TrustAnchors trust, TimestampToken token) {
        Optional<X509Certificate> certificate = token.tsaCertificate();
        return trust.approvedTsas().stream().filter(t -> certificate.map(t.certificate()::equals).orElse(false))
                .map(ApprovedTsa::name).findFirst().orElse("unknown");
    }

    /** The number of records that a time-stamp covers (all below it). */
    public long stampedSize() {
        return stampedSize;
    }

    /** How the last stamping went. */
    public JobStatus status() {
        return status;
    }

    @Override
    public Optional<Instant> oldestUnstamped() {
        long stamped = stampedSize;
        if (parts.log().size() <= stamped) {
            return Optional.empty();
        }
        Oldest known = oldest;
        if (known.stampedSize() != stamped || known.loggedAt().isEmpty()) {
            known = new Oldest(stamped, parts.log().loggedAt(stamped));
            oldest = known;
        }
        return known.loggedAt();
    }

    @Override
    public void check(Side side) {
        Optional<Instant> unstamped = oldestUnstamped();
        if (unstamped.isPresent()
                && unstamped.get().plus(config.acceptableFailurePeriod()).isBefore(parts.clock().instant())) {
            throw LogFaults.timestamperFailed(side, "The message log has records unstamped since " + unstamped.get()
                    + ", longer than the acceptable failure period of " + config.acceptableFailurePeriod());
        }
    }

    private void scheduled() {
        Duration next;
        JobStatus before = status;
        try {
            stampNow();
            renew();
            next = interval();
            if (before.lastError().isPresent()) {
                LOG.info("The message log is time-stamped again, up to record {}", stampedSize - 1);
            }
        } catch (RuntimeException e) {
            if (!status.lastError().map(JobStatus.Failure::code).equals(before.lastError().map(JobStatus.Failure::code))) {
                LOG.warn("Cannot time-stamp the message log (retrying): {}", e.toString());
            } else {
                LOG.debug("Still cannot time-stamp the message log: {}", e.toString());
            }
            Duration interval = interval();
            next = config.retryDelay().compareTo(interval) < 0 ? config.retryDelay() : interval;
        }
        scheduleNext(next);
    }

    private void renew() {
        JobStatus before = renewalStatus;
        try {
            renewNow();
        } catch (RuntimeException e) {
            boolean noConfiguration = e instanceof ZholException z && z.code() == ErrorCode.OUTDATED_GLOBAL_CONF;
            if (noConfiguration) {
                // A new server before its anchor import: nothing to renew yet, and the health checks say why.
                LOG.debug("Cannot renew the message log's evidence records yet: {}", e.toString());
            } else if (!renewalStatus.lastError().map(JobStatus.Failure::code)
                    .equals(before.lastError().map(JobStatus.Failure::code))) {
                LOG.warn("Cannot renew the message log's evidence records: {}", e.toString());
            }
        }
    }

    private Duration interval() {
        try {
            return parts.trust().get().trustParameters().timestampingInterval();
        } catch (RuntimeException e) {
            return config.retryDelay();
        }
    }

    private synchronized void scheduleNext(Duration delay) {
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.schedule(this::scheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
