// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.messagelog.BodyLogging;
import org.zhol.securityserver.messagelog.LogMode;
import org.zhol.securityserver.messagelog.MessageLogConfig;

/**
 * The message log section ({@code messageLog} in the configuration file). A value of 0 or null means
 * the default; every option is listed in {@code security-server/README.md}. The time-stamping interval
 * is not here: it is the global configuration's {@code timestampingInterval}.
 *
 * @param directory                      where long bodies are kept; default {@code <dataDir>/messagelog}
 *                                       (relative paths are resolved against {@code dataDir})
 * @param inlineBodyLimitBytes           bodies up to this size are kept in the database row, longer ones
 *                                       in their own file; default 65536, at most 1 MiB
 * @param maxBatch                       the most records one group commit writes; default 512
 * @param bodyLogging                    {@code FULL} (default: bodies kept) or {@code METADATA} (only their
 *                                       digest and length) for every subsystem not in {@code subsystems}
 * @param subsystems                     per-subsystem body logging, e.g.
 *                                       {@code DEV/GOV/1001/REGISTRY: METADATA}; the subsystem is this
 *                                       server's side of the exchange (the client on the client proxy,
 *                                       the provider on the server proxy)
 * @param checkpointIntervalMillis       how often a checkpoint is signed when the log grew; default 1000
 * @param acceptableFailurePeriodSeconds how old the oldest unstamped record may grow before new exchanges
 *                                       fail with {@code LoggingFailed.TimestamperFailed}; default 14400
 *                                       (4 h)
 * @param retryDelaySeconds              the wait before stamping again after every TSA failed (never longer
 *                                       than the time-stamping interval); default 10
 * @param keepDays                       how long archived records stay in the database; default 30
 * @param archiveIntervalSeconds         how often stamped records are archived and old ones cleaned;
 *                                       default 3600
 * @param archiveDirectory               where the evidence archives go; default
 *                                       {@code <directory>/archives}
 */
public record MessageLogSection(Path directory, int inlineBodyLimitBytes, int maxBatch, String bodyLogging,
        Map<String, String> subsystems, int checkpointIntervalMillis, int acceptableFailurePeriodSeconds,
        int retryDelaySeconds, int keepDays, int archiveIntervalSeconds, Path archiveDirectory) {

    /** Every option at its default. */
    public static final MessageLogSection DEFAULTS = new MessageLogSection(null, 0, 0, null, null, 0, 0, 0, 0, 0,
            null);

    public MessageLogSection {
        if (inlineBodyLimitBytes < 0 || maxBatch < 0 || checkpointIntervalMillis < 0
                || acceptableFailurePeriodSeconds < 0 || retryDelaySeconds < 0 || keepDays < 0
                || archiveIntervalSeconds < 0) {
            throw malformed("numbers must not be negative");
        }
        inlineBodyLimitBytes = inlineBodyLimitBytes == 0 ? MessageLogConfig.DEFAULT_INLINE_BODY_LIMIT
                : inlineBodyLimitBytes;
        maxBatch = maxBatch == 0 ? MessageLogConfig.DEFAULT_MAX_BATCH : maxBatch;
        bodyLogging = bodyLogging == null || bodyLogging.isBlank() ? "FULL" : bodyLogging.strip().toUpperCase(Locale.ROOT);
        subsystems = subsystems == null ? Map.of() : new TreeMap<>(subsystems);
        checkpointIntervalMillis = checkpointIntervalMillis == 0
                ? (int) MessageLogConfig.DEFAULT_CHECKPOINT_INTERVAL.toMillis() : checkpointIntervalMillis;
        MessageLogConfig.Stamping stamping = MessageLogConfig.Stamping.DEFAULTS;
        acceptableFailurePeriodSeconds = acceptableFailurePeriodSeconds == 0
                ? (int) stamping.acceptableFailurePeriod().toSeconds() : acceptableFailurePeriodSeconds;
        retryDelaySeconds = retryDelaySeconds == 0 ? (int) stamping.retryDelay().toSeconds() : retryDelaySeconds;
        MessageLogConfig.Archiving archiving = MessageLogConfig.Archiving.DEFAULTS;
        keepDays = keepDays == 0 ? (int) archiving.keep().toDays() : keepDays;
        archiveIntervalSeconds = archiveIntervalSeconds == 0 ? (int) archiving.interval().toSeconds()
                : archiveIntervalSeconds;
        messageLogConfig(directory, inlineBodyLimitBytes, maxBatch, bodyLogging(bodyLogging, subsystems),
                checkpointIntervalMillis, acceptableFailurePeriodSeconds, retryDelaySeconds, keepDays,
                archiveIntervalSeconds, archiveDirectory, Path.of("."));
    }

    /** The message log's settings, with relative directories resolved against {@code dataDir}. */
    public MessageLogConfig messageLogConfig(Path dataDir) {
        return messageLogConfig(directory, inlineBodyLimitBytes, maxBatch, bodyLogging(bodyLogging, subsystems),
                checkpointIntervalMillis, acceptableFailurePeriodSeconds, retryDelaySeconds, keepDays,
                archiveIntervalSeconds, archiveDirectory, dataDir);
    }

    /** This section with another acceptable time-stamping failure period. */
    public MessageLogSection withAcceptableFailurePeriod(Duration period) {
        return new MessageLogSection(directory, inlineBodyLimitBytes, maxBatch, bodyLogging, subsystems,
                checkpointIntervalMillis, (int) period.toSeconds(), retryDelaySeconds, keepDays, archiveIntervalSeconds,
                archiveDirectory);
    }

    /** This section with {@code mode} for {@code subsystem}. */
    public MessageLogSection withSubsystem(SubsystemId subsystem, LogMode mode) {
        Map<String, String> all = new TreeMap<>(subsystems);
        all.put(subsystem.toPath(), mode == LogMode.FULL ? "FULL" : "METADATA");
        return new MessageLogSection(directory, inlineBodyLimitBytes, maxBatch, bodyLogging, all,
                checkpointIntervalMillis, acceptableFailurePeriodSeconds, retryDelaySeconds, keepDays,
                archiveIntervalSeconds, archiveDirectory);
    }

    // Ten settings and the directory to resolve against: the section's fields, passed on as they are.
    private static MessageLogConfig messageLogConfig(Path directory, int inline, int maxBatch, BodyLogging bodies,
            int checkpointMillis, int failureSeconds, int retrySeconds, int keepDays, int archiveSeconds,
            Path archiveDirectory, Path dataDir) {
        try {
            Path logDir = directory == null ? dataDir.resolve("messagelog") : dataDir.resolve(directory);
            MessageLogConfig.Stamping defaults = MessageLogConfig.Stamping.DEFAULTS;
            MessageLogConfig.Archiving archiving = MessageLogConfig.Archiving.DEFAULTS;
            return new MessageLogConfig(logDir, inline, maxBatch, bodies, Duration.ofMillis(checkpointMillis),
                    new MessageLogConfig.Stamping(Duration.ofSeconds(failureSeconds), Duration.ofSeconds(retrySeconds),
                            defaults.tsp(), defaults.maxBatch(), defaults.renewBefore()),
                    new MessageLogConfig.Archiving(Duration.ofSeconds(archiveSeconds), archiving.maxRecords(),
                            Duration.ofDays(keepDays), archiveDirectory == null ? null : dataDir.resolve(archiveDirectory)));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static BodyLogging bodyLogging(String defaultMode, Map<String, String> subsystems) {
        Map<SubsystemId, LogMode> modes = new HashMap<>();
        subsystems.forEach((id, mode) -> {
            SubsystemId subsystem;
            try {
                subsystem = SubsystemId.parse(id);
            } catch (RuntimeException e) {
                throw malformed("subsystems: '" + id + "' is not a subsystem id (INSTANCE/CLASS/CODE/SUBSYSTEM)");
            }
            modes.put(subsystem, mode(mode));
        });
        return new BodyLogging(mode(defaultMode), modes);
    }

    private static LogMode mode(String text) {
        return switch (text == null ? "" : text.strip().toUpperCase(Locale.ROOT)) {
            case "FULL" -> LogMode.FULL;
            case "METADATA", "METADATA_ONLY" -> LogMode.METADATA_ONLY;
            default -> throw malformed("body logging is FULL or METADATA, not '" + text + "'");
        };
    }

    private static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_SERVER_CONF, "messageLog: " + detail);
    }
}
