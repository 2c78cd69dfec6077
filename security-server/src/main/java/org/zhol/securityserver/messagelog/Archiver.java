// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.EvidenceArchiveWriter;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.securityserver.store.ArchiveRepository;

/**
 * Archives time-stamped records into evidence archives chained by digest, then cleans the database of
 * records that are archived and older than the keep period (protocol-spec {@code docs/evidence.md}).
 * Every {@code interval} it archives every stamped, unarchived record in leaf order, up to
 * {@code maxRecords} containers per archive file, and then cleans.
 *
 * <p>An archive is written to a temporary file, synced, moved to {@code archives/archive-NNNNNNNN.zip}
 * and its directory synced before the database records it; a crash in between leaves a file that the
 * next run overwrites. Next to the archives, {@code trust-<hex>.json} holds each trust snapshot the
 * containers name.
 */
public final class Archiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    /**
     * What the archiver works with.
     *
     * @param log         the records
     * @param evidence    writes each record's container
     * @param timestamper how far the log is stamped (only stamped records are archived)
     * @param archives    the archives and cleaning
     * @param clock       the time of archives and the cut-off of cleaning
     */
    public record Parts(MessageLog log, LogEvidence evidence, Timestamper timestamper, ArchiveRepository archives,
            Clock clock) {
        public Parts {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(timestamper, "timestamper");
            Objects.requireNonNull(archives, "archives");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final MessageLogConfig.Archiving config;
    private final Path directory;
    private final Parts parts;
    private volatile JobStatus status = JobStatus.NEVER;
    private ScheduledExecutorService scheduler;

    /** @param directory where the archives go ({@link MessageLogConfig#archiveDirectory()}) */
    public Archiver(MessageLogConfig.Archiving config, Path directory, Parts parts) {
        this.config = Objects.requireNonNull(config, "config");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    /** Starts archiving and cleaning every {@code interval}. */
    public synchronized Archiver start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("zhol-messagelog-archiver").daemon(true).factory());
        long period = config.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduled, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** How the last run went. */
    public JobStatus status() {
        return status;
    }

    /** Up to {@code limit} archives with a sequence number below {@code before}, latest first. */
    public List<LogArchive> archives(long before, int limit) {
        return parts.archives().list(before, limit);
    }

    /** The directory of the archive files. */
    public Path directory() {
        return directory;
    }

    /**
     * Archives every stamped, unarchived record now.
     *
     * @return the last archive written; empty when there was nothing to archive
     * @throws ZholException {@code IOError} or {@code DatabaseError}; what was archived before stays
     */
    public synchronized Optional<LogArchive> archiveNow() {
        Optional<LogArchive> last = Optional.empty();
        while (true) {
            Optional<LogArchive> latest = parts.archives().latest();
            long start = latest.map(LogArchive::endLeaf).orElse(0L);
            long end = Math.min(parts.timestamper().stampedSize(), start + config.maxRecords());
            if (end <= start) {
                return last;
            }
            last = Optional.of(archive(latest, start, end));
        }
    }

    /**
     * Removes the records that are archived and were logged more than {@code keep} ago.
     *
     * @return how many were removed
     */
    public synchronized int cleanNow() {
        Instant before = parts.clock().instant().minus(config.keep());
        int total = 0;
        while (true) {
            ArchiveRepository.Cleaned cleaned = parts.archives().clean(before, 1000);
            for (long leaf : cleaned.bodyFiles()) {
                try {
                    parts.log().removeBody(leaf);
                } catch (IOException e) {
                    LOG.warn("Cannot remove the body file of cleaned record {}", leaf, e);
                }
            }
            total += cleaned.deleted();
            if (cleaned.deleted() < 1000) {
                return total;
            }
        }
    }

    private LogArchive archive(Optional<LogArchive> previous, long start, long end) {
        long sequence = previous.map(a -> a.sequence() + 1).orElse(1L);
        String fileName = String.format(Locale.ROOT, "archive-%08d.zip", sequence);
        Path work = null;
        try {
            Files.createDirectories(directory);
            work = Files.createTempDirectory(directory, ".work-");
            List<EvidenceArchiveWriter.Entry> entries = new ArrayList<>();
            for (long leaf = start; leaf < end; leaf++) {
                StoredRecord record = parts.log().record(leaf).orElseThrow(() -> ZholException.internal(
                        ErrorCode.INTERNAL_ERROR, "An unarchived record is missing", null));
                Path file = work.resolve(leaf + ".asice");
                try (OutputStream out = Files.newOutputStream(file)) {
                    parts.evidence().export(record, out);
                }
                entries.add(new EvidenceArchiveWriter.Entry(String.format(Locale.ROOT, "containers/%012d-%s.asice",
                        leaf, record.opening().direction().text()), () -> Files.newInputStream(file)));
            }
            byte[] digest = write(fileName, sequence, previous, entries);
            keepTrustSnapshot();
            LogArchive archive = new LogArchive(sequence, fileName, digest, start, end, parts.clock().instant());
            parts.archives().save(archive);
            LOG.info("Archived message log records {} to {} in {}", start, end - 1, fileName);
            return archive;
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write the archive " + fileName, e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Writes, syncs and moves the archive into place; returns its SHA-256. */
    private byte[] write(String fileName, long sequence, Optional<LogArchive> previous,
            List<EvidenceArchiveWriter.Entry> entries) throws IOException {
        Path temporary = directory.resolve(fileName + ".tmp");
        MessageDigest sha256 = OpenRecord.sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
            EvidenceArchiveWriter.write(parts.log().logId(), sequence, previous.map(LogArchive::sha256), entries, out);
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        return sha256.digest();
    }

    private void keepTrustSnapshot() throws IOException {
        TrustSnapshot snapshot = parts.evidence().trustSnapshot();
        Path file = directory.resolve("trust-" + snapshot.id().substring("sha256:".length()) + ".json");
        if (!Files.exists(file)) {
            Path temporary = directory.resolve(file.getFileName() + ".tmp");
            Files.write(temporary, snapshot.encoded());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path work) {
        if (work == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            LOG.warn("Cannot remove the archiver's work directory {}", work, e);
        }
    }

    private void scheduled() {
        Instant now = parts.clock().instant();
        try {
            archiveNow();
            cleanNow();
            status = status.succeeded(now);
        } catch (RuntimeException e) {
            status = e instanceof ZholException z ? status.failed(now, z.faultCode().toString(), z.detail())
                    : status.failed(now, "InternalError", e.toString());
            LOG.warn("Cannot archive or clean the message log: {}", e.toString());
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
