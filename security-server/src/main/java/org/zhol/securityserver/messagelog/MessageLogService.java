// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.store.ArchiveRepository;
import org.zhol.securityserver.store.CheckpointRepository;
import org.zhol.securityserver.store.LogRecordRepository;
import org.zhol.securityserver.store.TimestampRepository;

/**
 * The whole message log as the composition root wires it: the log itself, the checkpointer, the
 * timestamper, the archiver and the evidence it serves. The constructor only assigns; {@link #start()}
 * starts them in that order and {@link #close()} stops them in reverse, writing what is queued.
 *
 * <p>The exchange uses {@link #log()} (open, feed and commit records), {@link #latestCheckpoint()} (to
 * send) and {@link #timestamping()} (to refuse new exchanges when stamping has failed too long).
 */
public final class MessageLogService implements AutoCloseable {

    /**
     * What the message log works with.
     *
     * @param records       records and tree nodes
     * @param checkpoints   signed checkpoints
     * @param timestamps    time-stamps and evidence records
     * @param archives      evidence archives and cleaning
     * @param signing       signs checkpoints with the owner's key
     * @param configuration the global configuration held now (approved TSAs, time-stamping interval,
     *                      the trust snapshot); may throw when none is held
     */
    public record Parts(LogRecordRepository records, CheckpointRepository checkpoints, TimestampRepository timestamps,
            ArchiveRepository archives, CheckpointSigning signing, Supplier<GlobalConfiguration> configuration) {
        public Parts {
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(checkpoints, "checkpoints");
            Objects.requireNonNull(timestamps, "timestamps");
            Objects.requireNonNull(archives, "archives");
            Objects.requireNonNull(signing, "signing");
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    private final Parts parts;
    private final MessageLog log;
    private final Checkpointer checkpointer;
    private final Timestamper timestamper;
    private final LogEvidence evidence;
    private final Archiver archiver;
    private boolean started;

    public MessageLogService(MessageLogConfig config, SecurityServerId logId, Parts parts, Clock clock) {
        this.parts = parts;
        this.log = new MessageLog(config, logId, parts.records(), clock);
        this.checkpointer = new Checkpointer(log, parts.checkpoints(), parts.signing(), clock,
                config.checkpointInterval());
        this.timestamper = new Timestamper(config.stamping(), new Timestamper.Parts(log, checkpointer,
                parts.timestamps(), parts.configuration()::get, clock));
        this.evidence = new LogEvidence(log, parts.checkpoints(), parts.timestamps(), parts.configuration());
        this.archiver = new Archiver(config.archiving(), config.archiveDirectory(), new Archiver.Parts(log, evidence, timestamper,
                parts.archives(), clock));
    }

    /**
     * Checks the store ({@link LogIntegrity}), then starts the log, the checkpointer, the timestamper and
     * the archiver; on failure stops what started.
     *
     * @throws org.zhol.protocol.error.ZholException {@code LogInconsistent} when records were deleted or
     *                                               the tree was rewritten
     */
    public synchronized MessageLogService start() {
        if (started) {
            throw new IllegalStateException("the message log is already started");
        }
        try {
            LogIntegrity.check(parts.records(), parts.checkpoints(), parts.archives());
            log.start();
            checkpointer.start();
            timestamper.start();
            archiver.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        started = true;
        return this;
    }

    /** The records. */
    public MessageLog log() {
        return log;
    }

    /** The latest signed checkpoint, to send with every message; empty while the log is empty. */
    public Optional<LogCheckpoint> latestCheckpoint() {
        return checkpointer.latest();
    }

    /** Whether time-stamping keeps up; {@link TimestampingStatus#check} before every new exchange. */
    public TimestampingStatus timestamping() {
        return timestamper;
    }

    /** The checkpointer, for its status and to sign now. */
    public Checkpointer checkpointer() {
        return checkpointer;
    }

    /** The timestamper, for its status and to stamp now. */
    public Timestamper timestamper() {
        return timestamper;
    }

    /** The archiver, for its status and to archive and clean now. */
    public Archiver archiver() {
        return archiver;
    }

    /** Proofs, checkpoints, evidence containers and the trust snapshot. */
    public LogEvidence evidence() {
        return evidence;
    }

    /** Stops the timestamper and the checkpointer, then writes the queued records and stops the log. */
    @Override
    public synchronized void close() {
        archiver.close();
        timestamper.close();
        checkpointer.close();
        log.close();
        started = false;
    }
}
