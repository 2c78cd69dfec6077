// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * What one channel received, handed from its event loop to the virtual thread that consumes it. The
 * queue is bounded by bytes: above {@code highWater} the channel stops reading, and it reads again when
 * the consumer has brought it below {@code lowWater}. Memory per channel is therefore about
 * {@code highWater} plus what one read already decoded.
 *
 * <p>The queue ends cleanly ({@link #end()}: {@link #poll} then returns null), or with a failure
 * ({@link #fail}: thrown by {@link #poll} once the items before it are taken).
 *
 * @param <T> the item type
 */
final class FlowQueue<T> {

    /** What {@link #poll} throws when the queue failed; the cause is what {@link #fail} was given. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }

        Exception reason() {
            return (Exception) getCause();
        }
    }

    /** What {@link #poll} throws when nothing arrived in time. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;

        TimedOut() {
            super("nothing arrived in time", null, false, false);
        }
    }

    private final ChannelFlow flow;
    private final long highWater;
    private final long lowWater;
    private final ToIntFunction<T> size;
    private final Consumer<T> discard;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private long bytes;
    private boolean paused;
    private boolean ended;
    private Exception failure;

    /**
     * @param discard frees an item that is dropped unconsumed (e.g. releases a buffer)
     */
    FlowQueue(ChannelFlow flow, long highWater, long lowWater, ToIntFunction<T> size, Consumer<T> discard) {
        if (lowWater < 0 || highWater <= lowWater) {
            throw new IllegalArgumentException("need 0 <= lowWater < highWater");
        }
        this.flow = flow;
        this.highWater = highWater;
        this.lowWater = lowWater;
        this.size = size;
        this.discard = discard;
    }

    /** Adds an item (event loop); pauses reading at the high water mark. Dropped when the queue has ended. */
    void add(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (ended || failure != null) {
                discard.accept(item);
                return;
            }
            items.add(item);
            bytes += size.applyAsInt(item);
            // Decided under the lock, so that a concurrent poll cannot miss the pause and leave it set.
            if (!paused && bytes >= highWater) {
                paused = true;
                flow.pause(ChannelFlow.QUEUE_FULL);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** No more items: after the queued ones, {@link #poll} returns null. */
    void end() {
        lock.lock();
        try {
            if (failure == null) {
                ended = true;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the queue with a failure, unless it has already ended cleanly or failed. */
    void fail(Exception cause) {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = cause;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next item, waiting up to {@code timeout}; null when the queue ended cleanly.
     *
     * @throws Failed   when the queue failed (after the items before the failure)
     * @throws TimedOut when nothing arrived within {@code timeout}
     */
    T poll(Duration timeout) throws Failed, TimedOut, InterruptedException {
        T item;
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (items.isEmpty()) {
                if (failure != null) {
                    throw new Failed(failure);
                }
                if (ended) {
                    return null;
                }
                if (left <= 0) {
                    throw new TimedOut();
                }
                left = arrived.awaitNanos(left);
            }
            item = items.poll();
            bytes -= size.applyAsInt(item);
            if (paused && bytes <= lowWater) {
                paused = false;
                flow.resume(ChannelFlow.QUEUE_FULL);
            }
        } finally {
            lock.unlock();
        }
        return item;
    }

    /**
     * Waits until an item is queued (without taking it) or the queue ends.
     *
     * @return whether an item is queued
     */
    boolean awaitItem(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (items.isEmpty() && !ended && failure == null && left > 0) {
                left = arrived.awaitNanos(left);
            }
            return !items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a queued item matches {@code test}. */
    boolean anyQueued(java.util.function.Predicate<? super T> test) {
        lock.lock();
        try {
            return items.stream().anyMatch(test);
        } finally {
            lock.unlock();
        }
    }

    /** The bytes queued now. */
    long queuedBytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** Whether nothing is queued and the queue has not ended. */
    boolean isIdle() {
        lock.lock();
        try {
            return items.isEmpty() && !ended && failure == null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the queue ended cleanly and every item was taken. */
    boolean isDrained() {
        lock.lock();
        try {
            return ended && items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Drops every queued item and ends the queue with {@code cause} (e.g. when the consumer gives up). */
    void close(Exception cause) {
        lock.lock();
        try {
            items.forEach(discard);
            items.clear();
            bytes = 0;
            if (!ended && failure == null) {
                failure = cause;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
