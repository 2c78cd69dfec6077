// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A response body written by the exchange's virtual thread: bytes are gathered into chunks of
 * {@value #CHUNK} bytes and each chunk waits until the connection can take it (back-pressure). Closing
 * writes the end of the response and waits until it is sent. With a declared {@code Content-Length},
 * more bytes fail and fewer abort the connection at close.
 *
 * <p>Not thread-safe: one writer.
 */
final class ResponseBodyStream extends OutputStream {

    /** Bytes per HTTP chunk (or per write when the length is declared). */
    static final int CHUNK = 16 * 1024;

    private final Channel channel;
    private final ChannelFlow flow;
    private final Duration writeTimeout;
    private final long contentLength;
    private final boolean bodyAllowed;
    private ByteBuf buffer;
    private long written;
    private boolean closed;
    private volatile boolean complete;
    private volatile ChannelFuture lastWrite;

    /**
     * @param contentLength the declared length, or -1 for chunked
     * @param bodyAllowed   false for HEAD answers and 1xx/204/304 statuses
     * @param headWrite     the write of the status line and headers
     */
    ResponseBodyStream(Channel channel, ChannelFlow flow, Duration writeTimeout, long contentLength,
            boolean bodyAllowed, ChannelFuture headWrite) {
        this.channel = channel;
        this.flow = flow;
        this.writeTimeout = writeTimeout;
        this.contentLength = contentLength;
        this.bodyAllowed = bodyAllowed;
        this.lastWrite = headWrite;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (len == 0) {
            return;
        }
        if (!bodyAllowed) {
            throw new IOException("this response has no body");
        }
        if (contentLength >= 0 && written + len > contentLength) {
            throw new IOException("the response body is longer than its Content-Length " + contentLength);
        }
        written += len;
        while (len > 0) {
            if (buffer == null) {
                buffer = channel.alloc().buffer(CHUNK, CHUNK);
            }
            int n = Math.min(len, buffer.writableBytes());
            buffer.writeBytes(b, off, n);
            off += n;
            len -= n;
            if (!buffer.isWritable()) {
                send();
            }
        }
    }

    /** Sends the bytes gathered so far. */
    @Override
    public void flush() throws IOException {
        if (!closed && buffer != null && buffer.isReadable()) {
            send();
        }
    }

    private void send() throws IOException {
        ByteBuf chunk = buffer;
        buffer = null;
        try {
            flow.awaitWritable(writeTimeout);
        } catch (IOException e) {
            chunk.release();
            throw e;
        }
        lastWrite = channel.writeAndFlush(new DefaultHttpContent(chunk));
    }

    /**
     * Ends the response and waits until it is written.
     *
     * @throws IOException when fewer bytes than the declared length were written (the connection is then
     *                     reset, so the IS never mistakes a truncated body for a whole one), or the write fails
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (contentLength >= 0 && written < contentLength && bodyAllowed) {
            abort();
            throw new IOException("the response body ended after " + written + " of its " + contentLength
                    + " bytes");
        }
        closed = true;
        ByteBuf rest = buffer;
        buffer = null;
        try {
            flow.awaitWritable(writeTimeout);
        } catch (IOException e) {
            if (rest != null) {
                rest.release();
            }
            throw e;
        }
        lastWrite = channel.writeAndFlush(rest == null ? new DefaultLastHttpContent()
                : new DefaultLastHttpContent(rest));
        await(lastWrite);
        complete = true;
    }

    /** Whether {@link #close()} ended the response. */
    boolean ended() {
        return complete;
    }

    /** Drops the unsent bytes and closes the connection: the response is incomplete. */
    void abort() {
        closed = true;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        channel.close();
    }

    /** The last write, to close the connection after it. */
    ChannelFuture lastWrite() {
        return lastWrite;
    }

    private void await(ChannelFuture future) throws IOException {
        try {
            future.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the response");
        } catch (ExecutionException e) {
            throw new IOException("the response could not be written", e.getCause());
        } catch (TimeoutException e) {
            channel.close();
            throw new IOException("the IS did not read the response for " + writeTimeout.toSeconds() + " s");
        }
    }
}
