// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A request body as it arrives: the exchange's virtual thread reads the buffers that the event loop
 * queued. Reading blocks until bytes arrive; the queue's bound stops the connection from reading ahead
 * (back-pressure). A body that the IS abandons (connection closed, malformed chunk, stall) fails the read
 * with an {@link IOException}.
 *
 * <p>Not thread-safe: one reader.
 */
final class RequestBodyStream extends InputStream {

    /** How long one read waits; the listener's stall timer fails the queue long before. */
    private static final Duration WAIT = Duration.ofDays(1);

    private final FlowQueue<ByteBuf> queue;
    private ByteBuf current;
    private boolean eof;
    private boolean closed;

    RequestBodyStream(FlowQueue<ByteBuf> queue) {
        this.queue = queue;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.readableBytes();
    }

    /** Whether a readable buffer is at hand; false at the end of the body. */
    private boolean next() throws IOException {
        if (closed) {
            throw new IOException("the request body is closed");
        }
        while (current == null || !current.isReadable()) {
            if (current != null) {
                current.release();
                current = null;
            }
            if (eof) {
                return false;
            }
            try {
                current = queue.poll(WAIT);
            } catch (FlowQueue.Failed failed) {
                throw failed.reason() instanceof IOException io ? new IOException(io.getMessage(), io)
                        : new IOException(failed.getMessage(), failed.reason());
            } catch (FlowQueue.TimedOut timedOut) {
                throw new IOException("no request body arrived", timedOut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the request body");
            }
            if (current == null) {
                eof = true;
                return false;
            }
        }
        return true;
    }

    /** Drops what is left; the listener closes the connection when the body was not read to its end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.release();
            current = null;
        }
        queue.close(new IOException("the request body was closed by its reader"));
    }
}
