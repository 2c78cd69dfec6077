// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.securityserver.store.CheckpointRepository;

/**
 * Signs a checkpoint of the log every {@code checkpointInterval} when the log has grown since the last
 * one, stores it, and keeps the latest for the exchange to send with every message. The constructor
 * only assigns; {@link #start()} loads the latest stored checkpoint and starts the schedule.
 *
 * <p>A checkpoint covers only durable records, so a peer never holds a checkpoint whose records a crash
 * could take back.
 */
public final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final MessageLog log;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigning signing;
    private final Clock clock;
    private final Duration interval;
    private volatile Optional<LogCheckpoint> latest = Optional.empty();
    private volatile JobStatus status = JobStatus.NEVER;
    private ScheduledExecutorService scheduler;

    public Checkpointer(MessageLog log, CheckpointRepository checkpoints, CheckpointSigning signing, Clock clock,
            Duration interval) {
        this.log = Objects.requireNonNull(log, "log");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.signing = Objects.requireNonNull(signing, "signing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Loads the latest stored checkpoint and starts signing on schedule. */
    public synchronized Checkpointer start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        latest = checkpoints.latest();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("zhol-messagelog-checkpoints").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::scheduled, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest signed checkpoint, the one to send with every outgoing message; empty for an empty log. */
    public Optional<LogCheckpoint> latest() {
        return latest;
    }

    /** How the last signing went. */
    public JobStatus status() {
        return status;
    }

    /**
     * Signs and stores a checkpoint of every durable record now, unless the latest already covers them.
     *
     * @return the latest checkpoint afterwards; empty while the log is empty
     * @throws ZholException when signing or storing fails
     */
    public synchronized Optional<LogCheckpoint> checkpointNow() {
        MerkleFrontier tree = log.frontier();
        if (tree.size() == 0 || latest.map(c -> c.treeSize() >= tree.size()).orElse(false)) {
            return latest;
        }
        Instant now = clock.instant();
        try {
            Checkpoint checkpoint = new Checkpoint(log.logId(), tree.size(), tree.root(), now);
            SignedCheckpoint signed = signing.sign(checkpoint);
            LogCheckpoint made = new LogCheckpoint(checkpoint, signed);
            checkpoints.save(made);
            latest = Optional.of(made);
            status = status.succeeded(now);
            return latest;
        } catch (RuntimeException e) {
            status = e instanceof ZholException z ? status.failed(now, z.faultCode().toString(), z.detail())
                    : status.failed(now, "InternalError", e.toString());
            throw e;
        }
    }

    private void scheduled() {
        JobStatus before = status;
        try {
            checkpointNow();
            if (before.lastError().isPresent()) {
                LOG.info("Checkpoints of the message log are signed again");
            }
        } catch (RuntimeException e) {
            // Once per kind of failure, not every second.
            if (!status.lastError().map(JobStatus.Failure::code).equals(before.lastError().map(JobStatus.Failure::code))) {
                LOG.warn("Cannot sign a checkpoint of the message log: {}", e.toString());
            } else {
                LOG.debug("Still cannot sign a checkpoint of the message log: {}", e.toString());
            }
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
