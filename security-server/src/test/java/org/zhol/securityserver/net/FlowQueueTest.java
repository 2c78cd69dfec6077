// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive queue's bound stops and restarts reading on an in-memory channel. */
class FlowQueueTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ChannelFlow flow = new ChannelFlow(channel);
    private final List<byte[]> dropped = new ArrayList<>();
    private final FlowQueue<byte[]> queue = new FlowQueue<>(flow, 100, 40, b -> b.length, dropped::add);

    @Test
    void readingPausesAtTheHighWaterMarkAndResumesAtTheLowOne() throws Exception {
        queue.add(new byte[60]);
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead());

        queue.add(new byte[50]);
        channel.runPendingTasks();
        assertFalse(channel.config().isAutoRead(), "110 bytes queued: paused");

        queue.poll(Duration.ZERO);
        channel.runPendingTasks();
        assertFalse(channel.config().isAutoRead(), "50 bytes left: still above the low mark");

        queue.poll(Duration.ZERO);
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead(), "drained: reading again");
    }

    @Test
    void anotherReasonKeepsReadingPaused() throws Exception {
        flow.pause(ChannelFlow.PIPELINED);
        queue.add(new byte[120]);
        queue.poll(Duration.ZERO);
        channel.runPendingTasks();

        assertFalse(channel.config().isAutoRead());
        flow.resume(ChannelFlow.PIPELINED);
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead());
    }

    @Test
    void itemsBeforeTheEndOrAFailureAreStillTaken() throws Exception {
        byte[] first = new byte[1];
        queue.add(first);
        queue.end();

        assertSame(first, queue.poll(Duration.ZERO));
        assertNull(queue.poll(Duration.ZERO), "clean end");

        FlowQueue<byte[]> failing = new FlowQueue<>(flow, 100, 40, b -> b.length, dropped::add);
        failing.add(first);
        failing.fail(new IOException("reset"));
        assertSame(first, failing.poll(Duration.ZERO));
        FlowQueue.Failed failed = assertThrows(FlowQueue.Failed.class, () -> failing.poll(Duration.ZERO));
        assertEquals("reset", failed.reason().getMessage());
    }

    @Test
    void nothingInTimeIsATimeoutAndClosingDropsWhatIsQueued() {
        assertThrows(FlowQueue.TimedOut.class, () -> queue.poll(Duration.ofMillis(1)));

        queue.add(new byte[3]);
        queue.close(new IOException("gone"));
        queue.add(new byte[4]);

        assertEquals(2, dropped.size(), "the queued item and the late one");
        assertThrows(FlowQueue.Failed.class, () -> queue.poll(Duration.ZERO));
    }
}
