// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.protocol.merkle.SubtreeHashes;
import org.zhol.securityserver.store.LogRecordRepository;

/**
 * The security server's message log: records are opened by the exchange ({@link #open}), fed the body
 * as it streams, and committed durably through one group-committing writer into an append-only Merkle
 * log. The constructor only assigns; {@link #start()} recovers the body files and starts the writer;
 * {@link #close()} writes what is queued and stops.
 *
 * <p>See {@code security-server/docs/message-log.md}.
 */
public final class MessageLog implements AutoCloseable {

    private final MessageLogConfig config;
    private final SecurityServerId logId;
    private final LogRecordRepository records;
    private final BodyFiles files;
    private final GroupCommit groupCommit;
    private boolean started;

    /**
     * @param logId   this server: the log's id in its entries and checkpoints
     * @param records the store
     * @param clock   the time of records
     */
    public MessageLog(MessageLogConfig config, SecurityServerId logId, LogRecordRepository records, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.logId = Objects.requireNonNull(logId, "logId");
        this.records = Objects.requireNonNull(records, "records");
        this.files = new BodyFiles(config.directory());
        this.groupCommit = new GroupCommit(records, files, clock, config.maxBatch());
    }

    /**
     * Loads the tree from the store, removes body files that no committed record references, and starts
     * the writer.
     *
     * @throws ZholException {@code DatabaseError} or {@code IOError} when the log cannot be opened
     */
    public synchronized MessageLog start() {
        if (started) {
            throw new IllegalStateException("the message log is already started");
        }
        MerkleFrontier frontier = MerkleFrontier.of(records, records.treeSize());
        try {
            files.recover(frontier.size());
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot open the message log's files in "
                    + config.directory(), e);
        }
        groupCommit.start(frontier);
        started = true;
        return this;
    }

    /** Opens a record; its body mode follows {@link MessageLogConfig#bodyLogging()}. */
    public OpenRecord open(RecordOpening opening) {
        return new OpenRecord(opening, config.bodyLogging().mode(opening),
                new OpenRecord.Target(logId, config.inlineBodyLimit(), files, groupCommit));
    }

    /** The server whose log this is. */
    public SecurityServerId logId() {
        return logId;
    }

    /** The tree of every durable record. */
    public MerkleFrontier frontier() {
        return groupCommit.frontier();
    }

    /** The stored perfect subtrees of the log, for roots and proofs of any size up to {@link #size()}. */
    public SubtreeHashes tree() {
        return records;
    }

    /** The number of durable records: the size of the Merkle log. */
    public long size() {
        return groupCommit.frontier().size();
    }

    /** A record by its leaf index. */
    public Optional<StoredRecord> record(long leafIndex) {
        return records.find(leafIndex);
    }

    /** The leaves of the records {@code [from, to)}, in leaf order. */
    public List<LogEntry> entries(long from, long to) {
        return records.entries(from, to);
    }

    /** When a record was logged; empty when there is no such record. */
    public Optional<Instant> loggedAt(long leafIndex) {
        return records.loggedAt(leafIndex);
    }

    /** The records of a message id and direction, oldest first. */
    public List<StoredRecord> find(String messageId, Direction direction) {
        return records.findByMessage(messageId, direction);
    }

    /**
     * The body bytes of a record that kept them; empty for a metadata-only record.
     *
     * @throws ZholException {@code IOError} when a body file cannot be opened
     */
    public Optional<InputStream> body(StoredRecord record) {
        return switch (record.body().storage()) {
            case NONE -> Optional.empty();
            case INLINE -> records.inlineBody(record.leafIndex()).map(ByteArrayInputStream::new);
            case FILE -> {
                try {
                    yield Optional.of(files.open(record.leafIndex()));
                } catch (IOException e) {
                    throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the body of record "
                            + record.leafIndex(), e);
                }
            }
        };
    }

    /** Removes the body file of a cleaned record. */
    void removeBody(long leafIndex) throws IOException {
        files.remove(leafIndex);
    }

    /** The body files, for tests and status. */
    BodyFiles files() {
        return files;
    }

    /** Writes the queued records and stops the writer. */
    @Override
    public synchronized void close() {
        groupCommit.close();
    }
}
