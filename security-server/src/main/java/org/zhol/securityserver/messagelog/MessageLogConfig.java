// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.evidence.ArchiveIndex;
import org.zhol.protocol.evidence.EvidenceBatch;
import org.zhol.protocol.tsp.TspClientConfig;

/**
 * Settings of the {@link MessageLog}. Every option and its default is listed in
 * {@code security-server/docs/message-log.md}.
 *
 * @param directory          where long bodies (and archives) are kept; by default {@code <data dir>/messagelog}
 * @param inlineBodyLimit    Limit: bodies up to this many bytes are stored in the record's row, longer ones
 *                           in their own file; it is also the most body bytes an open record holds in
 *                           memory (default 64 KiB, at most 1 MiB)
 * @param maxBatch           the most records one group commit writes in one transaction (default 512)
 * @param bodyLogging        which bodies are kept (default all)
 * @param checkpointInterval how often a checkpoint is signed when the log grew (default 1 s)
 * @param stamping           time-stamping settings
 * @param archiving          archiving and retention settings
 */
public record MessageLogConfig(Path directory, int inlineBodyLimit, int maxBatch, BodyLogging bodyLogging,
        Duration checkpointInterval, Stamping stamping, Archiving archiving) {

    /** Default of {@link #inlineBodyLimit}. */
    public static final int DEFAULT_INLINE_BODY_LIMIT = 64 * 1024;
    /** The largest {@link #inlineBodyLimit} allowed. */
    public static final int MAX_INLINE_BODY_LIMIT = 1024 * 1024;
    /** Default of {@link #maxBatch}. */
    public static final int DEFAULT_MAX_BATCH = 512;
    /** Default of {@link #checkpointInterval}. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    public MessageLogConfig {
        Objects.requireNonNull(directory, "directory");
        if (inlineBodyLimit < 0 || inlineBodyLimit > MAX_INLINE_BODY_LIMIT) {
            throw new IllegalArgumentException("inlineBodyLimit must be in 0.." + MAX_INLINE_BODY_LIMIT);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        bodyLogging = bodyLogging == null ? BodyLogging.FULL : bodyLogging;
        checkpointInterval = checkpointInterval == null ? DEFAULT_CHECKPOINT_INTERVAL : checkpointInterval;
        requirePositive(checkpointInterval, "checkpointInterval");
        stamping = stamping == null ? Stamping.DEFAULTS : stamping;
        archiving = archiving == null ? Archiving.DEFAULTS : archiving;
    }

    /** The defaults, with the files in {@code dataDirectory/messagelog}. */
    public static MessageLogConfig defaults(Path dataDirectory) {
        return new MessageLogConfig(dataDirectory.resolve("messagelog"), DEFAULT_INLINE_BODY_LIMIT, DEFAULT_MAX_BATCH,
                BodyLogging.FULL, DEFAULT_CHECKPOINT_INTERVAL, Stamping.DEFAULTS, Archiving.DEFAULTS);
    }

    /** This configuration with other body logging. */
    public MessageLogConfig withBodyLogging(BodyLogging newBodyLogging) {
        return new MessageLogConfig(directory, inlineBodyLimit, maxBatch, newBodyLogging, checkpointInterval, stamping,
                archiving);
    }

    /** This configuration with another inline body limit. */
    public MessageLogConfig withInlineBodyLimit(int newLimit) {
        return new MessageLogConfig(directory, newLimit, maxBatch, bodyLogging, checkpointInterval, stamping, archiving);
    }

    /** This configuration with other stamping settings. */
    public MessageLogConfig withStamping(Stamping newStamping) {
        return new MessageLogConfig(directory, inlineBodyLimit, maxBatch, bodyLogging, checkpointInterval, newStamping,
                archiving);
    }

    /** This configuration with another checkpoint interval. */
    public MessageLogConfig withCheckpointInterval(Duration interval) {
        return new MessageLogConfig(directory, inlineBodyLimit, maxBatch, bodyLogging, interval, stamping, archiving);
    }

    /** This configuration with other archiving settings. */
    public MessageLogConfig withArchiving(Archiving newArchiving) {
        return new MessageLogConfig(directory, inlineBodyLimit, maxBatch, bodyLogging, checkpointInterval, stamping,
                newArchiving);
    }

    /** Where the evidence archives go: {@link Archiving#directory()}, by default {@code directory/archives}. */
    public Path archiveDirectory() {
        return archiving.directory() != null ? archiving.directory() : directory.resolve("archives");
    }

    /**
     * Archiving and retention. Time-stamped records are archived in leaf order into evidence archives under
     * {@link #archiveDirectory()}, each naming the previous one's digest; then records archived and older
     * than {@code keep} are removed from the database.
     *
     * @param interval   how often archiving and cleaning run (default 1 h)
     * @param maxRecords Limit: the most containers in one archive file (default 10,000, at most
     *                   {@link ArchiveIndex#MAX_CONTAINERS})
     * @param keep       how long records stay in the database after they were logged, once archived
     *                   (default 30 days)
     * @param directory  where the archives go; null (default) means {@code <log directory>/archives}
     */
    public record Archiving(Duration interval, int maxRecords, Duration keep, Path directory) {

        /** The defaults. */
        public static final Archiving DEFAULTS = new Archiving(Duration.ofHours(1), 10_000, Duration.ofDays(30));

        /** Archives in {@code <log directory>/archives}. */
        public Archiving(Duration interval, int maxRecords, Duration keep) {
            this(interval, maxRecords, keep, null);
        }

        public Archiving {
            requirePositive(interval, "interval");
            requirePositive(keep, "keep");
            if (maxRecords < 1 || maxRecords > ArchiveIndex.MAX_CONTAINERS) {
                throw new IllegalArgumentException("maxRecords must be in 1.." + ArchiveIndex.MAX_CONTAINERS);
            }
        }
    }

    /**
     * Time-stamping settings. The interval itself comes from the global configuration's
     * {@code timestampingInterval}.
     *
     * @param acceptableFailurePeriod how old the oldest unstamped record may grow before new exchanges
     *                                fail with {@code LoggingFailed.TimestamperFailed} (default 4 h)
     * @param retryDelay              the wait before trying again after every TSA failed (default 10 s;
     *                                never longer than the interval)
     * @param tsp                     the TSA client's timeouts and limits
     * @param maxBatch                Limit: the most records in one stamping batch (one TSA request);
     *                                a longer backlog takes several (default 10,000, at most
     *                                {@link EvidenceBatch#MAX_RECORDS})
     * @param renewBefore             evidence records are renewed when the TSA certificate of their newest
     *                                token expires within this (default 90 days, log.md §7)
     */
    public record Stamping(Duration acceptableFailurePeriod, Duration retryDelay, TspClientConfig tsp, int maxBatch,
            Duration renewBefore) {

        /** Default of {@link #maxBatch}. */
        public static final int DEFAULT_MAX_BATCH = 10_000;

        /** The defaults. */
        public static final Stamping DEFAULTS = new Stamping(Duration.ofHours(4), Duration.ofSeconds(10),
                TspClientConfig.DEFAULTS, DEFAULT_MAX_BATCH, Duration.ofDays(90));

        public Stamping {
            requirePositive(acceptableFailurePeriod, "acceptableFailurePeriod");
            requirePositive(retryDelay, "retryDelay");
            Objects.requireNonNull(tsp, "tsp");
            requirePositive(renewBefore, "renewBefore");
            if (maxBatch < 1 || maxBatch > EvidenceBatch.MAX_RECORDS) {
                throw new IllegalArgumentException("maxBatch must be in 1.." + EvidenceBatch.MAX_RECORDS);
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
