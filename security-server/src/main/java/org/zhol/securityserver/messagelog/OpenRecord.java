// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.LogEntry;

/**
 * One log record being written: opened with the message's metadata and head, fed the body as it
 * streams ({@link #body}), then committed with the trailer ({@link #commit}). A body up to the inline
 * limit is held in memory; a longer one is written to a spool file as it comes, so no body is ever held
 * whole. In {@link LogMode#METADATA_ONLY} the bytes are only digested.
 *
 * <p>{@link #close()} without a commit abandons the record. An instance belongs to one exchange: it is
 * not safe for concurrent use.
 *
 * <p><b>Pitfalls:</b> the committed manifest must list {@code metadata.xml}, {@code head.json} and
 * {@code body} with the digests of exactly the bytes given here; otherwise the commit fails with
 * {@code LoggingFailed}, so that nothing is forwarded that the log could not prove.
 */
public final class OpenRecord implements AutoCloseable {

    private enum State { OPEN, COMMITTED, CLOSED }

    /**
     * Where a record goes.
     *
     * @param logId       the server whose log this is
     * @param inlineLimit the longest body kept in memory and inline
     * @param files       the body files
     * @param groupCommit the writer
     */
    record Target(SecurityServerId logId, int inlineLimit, BodyFiles files, GroupCommit groupCommit) {
    }

    private final RecordOpening opening;
    private final LogMode mode;
    private final Target target;
    private final MessageDigest digest = sha256();
    private final ByteArrayOutputStream inline = new ByteArrayOutputStream();
    private BodyFiles.Spool spool;
    private long length;
    private byte[] givenDigest;
    private State state = State.OPEN;

    OpenRecord(RecordOpening opening, LogMode mode, Target target) {
        this.opening = opening;
        this.mode = mode;
        this.target = target;
    }

    /** What the record was opened with. */
    public RecordOpening opening() {
        return opening;
    }

    /** Whether the body is kept. */
    public LogMode mode() {
        return mode;
    }

    /**
     * The next piece of the body; the buffer is consumed.
     *
     * @throws ZholException {@code LoggingFailed} when it cannot be written (the record is abandoned)
     */
    public void body(ByteBuffer chunk) {
        requireOpen();
        if (givenDigest != null) {
            throw new IllegalStateException("the body's digest was given; no body bytes may follow");
        }
        int n = chunk.remaining();
        ByteBuffer view = chunk.duplicate();
        digest.update(view);
        length += n;
        if (mode == LogMode.METADATA_ONLY) {
            chunk.position(chunk.limit());
            return;
        }
        try {
            if (spool == null && inline.size() + n <= target.inlineLimit()) {
                byte[] bytes = new byte[n];
                chunk.get(bytes);
                inline.writeBytes(bytes);
                return;
            }
            if (spool == null) {
                spool = target.files().spool();
                spool.write(ByteBuffer.wrap(inline.toByteArray()));
                inline.reset();
            }
            spool.write(chunk);
        } catch (IOException e) {
            close();
            throw LogFaults.loggingFailed(opening.side(), "The message log cannot store the body", e);
        }
    }

    /** The next piece of the body. */
    public void body(byte[] bytes, int offset, int count) {
        body(ByteBuffer.wrap(bytes, offset, count));
    }

    /**
     * For a caller that cannot stream the body through the log: the body passed elsewhere and only its
     * SHA-256 is known. The record is then metadata-only whatever the mode, with an unknown body length.
     *
     * @throws IllegalStateException when body bytes were given already
     */
    public void bodyDigest(byte[] sha256) {
        requireOpen();
        if (length > 0 || sha256.length != 32) {
            throw new IllegalStateException("a body digest replaces the body: give 32 bytes and no body bytes");
        }
        givenDigest = sha256.clone();
    }

    /**
     * Completes the record and hands it to the group commit. The future completes once the record is
     * durable, or fails with {@code LoggingFailed} (prefixed for the record's side) when it could not be
     * made durable: then nothing of it is stored.
     */
    public CompletableFuture<LoggedRecord> commit(RecordTrailer trailer) {
        Objects.requireNonNull(trailer, "trailer");
        requireOpen();
        state = State.COMMITTED;
        try {
            byte[] bodyDigest = givenDigest != null ? givenDigest : digest.digest();
            LogEntry entry = LogEntries.message(target.logId(), opening, bodyDigest, trailer).entry();
            LogMode kept = givenDigest != null ? LogMode.METADATA_ONLY : mode;
            long bodyLength = givenDigest != null ? BodyInfo.UNKNOWN_LENGTH : length;
            BodyInfo.Storage storage = kept == LogMode.METADATA_ONLY ? BodyInfo.Storage.NONE
                    : spool == null ? BodyInfo.Storage.INLINE : BodyInfo.Storage.FILE;
            Optional<Path> spooled = spool == null ? Optional.empty() : Optional.of(spool.finish());
            Optional<byte[]> inlineBody = storage == BodyInfo.Storage.INLINE ? Optional.of(inline.toByteArray())
                    : Optional.empty();
            return target.groupCommit().submit(new PendingRecord(opening,
                    new BodyInfo(kept, storage, bodyLength, bodyDigest), inlineBody, spooled, trailer, entry));
        } catch (IOException e) {
            discardSpool();
            return CompletableFuture.failedFuture(LogFaults.loggingFailed(opening.side(),
                    "The message log cannot store the body", e));
        } catch (ZholException e) {
            discardSpool();
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@link #commit} and wait until the record is durable: for a virtual thread.
     *
     * @throws ZholException {@code LoggingFailed} when it could not be made durable
     */
    public LoggedRecord commitAndWait(RecordTrailer trailer) {
        try {
            return commit(trailer).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ZholException z) {
                throw z;
            }
            throw LogFaults.loggingFailed(opening.side(), "The message log failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LogFaults.loggingFailed(opening.side(), "Interrupted while waiting for the message log", e);
        }
    }

    /** Abandons the record unless it was committed. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            state = State.CLOSED;
            discardSpool();
        }
    }

    private void discardSpool() {
        if (spool != null) {
            spool.discard();
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the record is " + state.name().toLowerCase(Locale.ROOT));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
