// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.securityserver.config.BatchSigning;

/**
 * Gathers the manifests that wait for the same key and signing time into one batch. The first manifest
 * of a batch leads it: it waits up to {@link BatchSigning#maxWait()} for others (or until the batch holds
 * {@link BatchSigning#maxSize()}), closes the batch, signs all of it with one CMS and hands each waiting
 * manifest its signature (or the failure). Callers block; they are the exchange's virtual threads.
 */
final class ManifestBatcher {

    /** Manifests are batched per key and per signing time (which the batch root carries). */
    record Group(String keyId, Instant signingTime) {
    }

    private static final class Batch {
        final List<byte[]> manifests = new ArrayList<>();
        final Condition closedOrFull;
        final Condition signed;
        boolean closed;
        List<MessageSignature.Batch> signatures;
        RuntimeException failure;

        Batch(ReentrantLock lock) {
            closedOrFull = lock.newCondition();
            signed = lock.newCondition();
        }
    }

    private final BatchSigning settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Group, Batch> open = new HashMap<>();

    ManifestBatcher(BatchSigning settings) {
        this.settings = settings;
    }

    /**
     * Signs {@code manifest} together with the other manifests of its group that arrive within the wait.
     *
     * @param signAll signs a closed batch (its manifests in order) with one CMS; called by the leader only
     */
    MessageSignature.Batch sign(Group group, byte[] manifest,
            Function<List<byte[]>, List<MessageSignature.Batch>> signAll) {
        Batch batch;
        int index;
        lock.lock();
        try {
            batch = open.get(group);
            boolean leader = batch == null;
            if (leader) {
                batch = new Batch(lock);
                open.put(group, batch);
            }
            index = batch.manifests.size();
            batch.manifests.add(manifest);
            if (batch.manifests.size() >= settings.maxSize()) {
                close(group, batch);
                batch.closedOrFull.signal();
            }
            if (!leader) {
                while (batch.signatures == null && batch.failure == null) {
                    batch.signed.awaitUninterruptibly();
                }
                return result(batch, index);
            }
            awaitClosed(batch);
            close(group, batch);
        } finally {
            lock.unlock();
        }
        List<MessageSignature.Batch> signatures = null;
        RuntimeException failure = null;
        try {
            signatures = signAll.apply(List.copyOf(batch.manifests));
        } catch (RuntimeException e) {
            failure = e;
        }
        lock.lock();
        try {
            batch.signatures = signatures;
            batch.failure = failure;
            batch.signed.signalAll();
            return result(batch, index);
        } finally {
            lock.unlock();
        }
    }

    private void awaitClosed(Batch batch) {
        long nanos = settings.maxWait().toNanos();
        try {
            while (!batch.closed && nanos > 0) {
                nanos = batch.closedOrFull.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            // The others of the batch still need their signatures: sign what is there now.
            Thread.currentThread().interrupt();
        }
    }

    private void close(Group group, Batch batch) {
        batch.closed = true;
        open.remove(group, batch);
    }

    private static MessageSignature.Batch result(Batch batch, int index) {
        if (batch.failure != null) {
            throw batch.failure;
        }
        return batch.signatures.get(index);
    }
}
