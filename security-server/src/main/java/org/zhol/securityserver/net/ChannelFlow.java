// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Back-pressure on one channel, in both directions, between its event loop and the virtual threads
 * that read from and write to it.
 *
 * <ul>
 *   <li>Reading: {@code autoRead} is on only while no reason to pause is set ({@link #pause}/{@link #resume});
 *       the event loop applies the current set, so concurrent calls cannot leave it in a stale state.</li>
 *   <li>Writing: {@link #awaitWritable} blocks the writer while the channel's outbound buffer is above its
 *       high water mark; the channel's handler calls {@link #signal()} when writability changes or the
 *       channel closes.</li>
 * </ul>
 */
final class ChannelFlow {

    /** Pause reason: a queue of received data is full. */
    static final int QUEUE_FULL = 1;
    /** Pause reason: the next request must wait until the current response is done. */
    static final int PIPELINED = 2;

    private final Channel channel;
    private final AtomicInteger pauses = new AtomicInteger();
    private volatile long resumedAt = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    ChannelFlow(Channel channel) {
        this.channel = channel;
    }

    Channel channel() {
        return channel;
    }

    /** Stops reading for {@code reason} (a bit) until it is resumed. */
    void pause(int reason) {
        if ((pauses.getAndUpdate(p -> p | reason) & reason) == 0) {
            apply();
        }
    }

    /** Lifts {@code reason}; reading resumes when no other reason remains. */
    void resume(int reason) {
        if ((pauses.getAndUpdate(p -> p & ~reason) & reason) != 0) {
            resumedAt = System.nanoTime();
            apply();
        }
    }

    /** When reading last resumed ({@link System#nanoTime()}); a stall timer counts from here at the earliest. */
    long resumedAt() {
        return resumedAt;
    }

    boolean paused(int reason) {
        return (pauses.get() & reason) != 0;
    }

    private void apply() {
        if (channel.eventLoop().inEventLoop()) {
            channel.config().setAutoRead(pauses.get() == 0);
        } else {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(pauses.get() == 0));
        }
    }

    /**
     * Waits until the channel can take more bytes.
     *
     * @throws IOException when the channel is closed, or stays full longer than {@code timeout}
     */
    void awaitWritable(Duration timeout) throws IOException {
        if (channel.isWritable()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    throw new IOException("the connection is closed");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("the peer has not read for " + timeout.toSeconds() + " s");
                }
                // The wait is bounded: writability is also re-checked at least every 100 ms.
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write");
        } finally {
            lock.unlock();
        }
        if (!channel.isActive()) {
            throw new IOException("the connection is closed");
        }
    }

    /** Wakes writers: writability changed or the channel closed. */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
