// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.securityserver.store.LogRecordRepository;

/**
 * The one writer of the message log. Committing threads queue complete records; the writer takes
 * whatever is waiting (up to {@code maxBatch}), gives each record the next leaf index, appends the
 * leaves to the Merkle tree, moves long bodies into place and syncs their directories, then writes
 * the records and the tree nodes in <em>one</em> transaction. Every record of the batch becomes durable
 * at that one commit, and only then are their futures completed. While one batch is written, the next
 * one gathers: the busier the log, the larger the batches.
 *
 * <p>A failed batch fails every future in it with {@code LoggingFailed}; the transaction leaves nothing
 * behind. The writer then reloads the tree from the store, so that the next batch continues from what
 * is durable. If the store shows that the failed batch did commit after all (an error after the
 * commit), the records are reported durable.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Item(PendingRecord record, CompletableFuture<LoggedRecord> done) {
    }

    private final LogRecordRepository records;
    private final BodyFiles files;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private volatile MerkleFrontier frontier;
    private boolean needsReload;
    private boolean closed;
    private Thread writer;

    GroupCommit(LogRecordRepository records, BodyFiles files, Clock clock, int maxBatch) {
        this.records = records;
        this.files = files;
        this.clock = clock;
        this.maxBatch = maxBatch;
    }

    /** Starts the writer over the durable tree. */
    void start(MerkleFrontier durable) {
        synchronized (lock) {
            if (writer != null) {
                throw new IllegalStateException("already started");
            }
            frontier = Objects.requireNonNull(durable, "durable");
            writer = Thread.ofPlatform().name("zhol-messagelog-writer").daemon(true).start(this::run);
        }
    }

    /** The durable tree. */
    MerkleFrontier frontier() {
        return frontier;
    }

    /** Queues a record; the future completes when it is durable. */
    CompletableFuture<LoggedRecord> submit(PendingRecord record) {
        CompletableFuture<LoggedRecord> done = new CompletableFuture<>();
        synchronized (lock) {
            if (closed || writer == null) {
                discard(record);
                done.completeExceptionally(LogFaults.loggingFailed(record.opening().side(),
                        "The message log is not running", null));
                return done;
            }
            queue.add(new Item(record, done));
        }
        return done;
    }

    private void run() {
        List<Item> batch = new ArrayList<>(maxBatch);
        while (true) {
            Item first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                synchronized (lock) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Item> batch) {
        if (needsReload && !reload()) {
            fail(batch, "The message log's store is not available", null);
            return;
        }
        MerkleFrontier before = frontier;
        Instant now = clock.instant();
        MerkleFrontier after = before;
        List<MerkleFrontier.SubtreeNode> nodes = new ArrayList<>(2 * batch.size());
        for (Item item : batch) {
            MerkleFrontier.Appended appended = after.append(item.record().entry().leafHash());
            after = appended.frontier();
            nodes.addAll(appended.completed());
        }
        List<NewRecord> rows = new ArrayList<>(batch.size());
        List<LoggedRecord> logged = new ArrayList<>(batch.size());
        List<Long> placed = new ArrayList<>();
        try {
            Set<Path> directories = new LinkedHashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                PendingRecord record = batch.get(i).record();
                LoggedRecord entry = new LoggedRecord(before.size() + i, now, record.entry().leafHash());
                if (record.spooled().isPresent()) {
                    directories.add(files.place(record.spooled().get(), entry.leafIndex()));
                    placed.add(entry.leafIndex());
                }
                logged.add(entry);
                rows.add(new NewRecord(new StoredRecord(entry, record.opening(), record.body(), record.trailer(),
                        record.entry()),
                        record.inlineBody()));
            }
            files.syncDirectories(directories);
            records.append(rows, nodes);
        } catch (IOException | RuntimeException e) {
            if (committedAnyway(before, batch.size())) {
                LOG.warn("The message log reported a failure after the batch committed; the records are durable", e);
            } else {
                LOG.error("The message log could not write {} records", batch.size(), e);
                removeQuietly(placed, batch);
                fail(batch, "The message log could not make the record durable", e);
                return;
            }
        }
        frontier = after;
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(logged.get(i));
        }
    }

    /** After a failure: reloads the tree and tells whether the batch is in it. */
    private boolean committedAnyway(MerkleFrontier before, int count) {
        needsReload = true;
        if (!reload()) {
            return false;
        }
        return frontier.size() == before.size() + count;
    }

    private boolean reload() {
        try {
            frontier = MerkleFrontier.of(records, records.treeSize());
            needsReload = false;
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Cannot reload the message log's tree", e);
            return false;
        }
    }

    private void removeQuietly(List<Long> placed, List<Item> batch) {
        if (needsReload) {
            // The store's state is unknown: a committed row might reference these files. recover() or the
            // next batch (which reuses the leaf indexes) settles them.
            return;
        }
        for (long leaf : placed) {
            try {
                files.remove(leaf);
            } catch (IOException e) {
                LOG.warn("Cannot remove the body of leaf {}", leaf, e);
            }
        }
        batch.forEach(i -> discard(i.record()));
    }

    private void fail(List<Item> batch, String detail, Throwable cause) {
        for (Item item : batch) {
            discard(item.record());
            item.done().completeExceptionally(LogFaults.loggingFailed(item.record().opening().side(), detail, cause));
        }
    }

    private static void discard(PendingRecord record) {
        record.spooled().ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // recover() removes spool files at the next start
            }
        });
    }

    /** Stops taking records, writes those queued, and stops the writer. */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true;
            running = writer;
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
