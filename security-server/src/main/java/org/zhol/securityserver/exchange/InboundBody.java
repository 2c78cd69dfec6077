// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.transport.MessageReader;
import org.zhol.protocol.transport.ReadEvent;
import org.zhol.protocol.transport.ReceivedMessage;

/**
 * A request body as it arrives in DATA frames, handed to the provider's information system with its
 * tail withheld: the last piece received is not released until the TRAILER has come and
 * {@code onComplete} (signature, OCSP, message log) has returned. When that fails, or the peer sends a
 * FAULT or goes away, the stream throws {@link IOException}, which aborts the HTTP request to the
 * information system, so that it never receives a complete request that was not verified.
 *
 * <p>{@link #prefetch} reads ahead up to a number of bytes first, so that a small body is verified
 * completely before the information system is even called.
 *
 * <p>Thread-safe: the HTTP client reads it on its own thread while the exchange may {@link #drain} it.
 */
final class InboundBody extends InputStream {

    private final MessageReader reader;
    private final PeerChannel channel;
    private final Duration timeout;
    private final Consumer<byte[]> digest;
    private final Consumer<ReceivedMessage> onComplete;
    private final Deque<byte[]> pieces = new ArrayDeque<>();
    private byte[] current;
    private int position;
    private boolean complete;
    private long sentAt = -1;
    private RuntimeException failure;

    /**
     * @param digest     sees every body byte as it arrives (the IS request hash)
     * @param onComplete verifies and logs the whole message; throws to refuse it
     */
    InboundBody(MessageReader reader, PeerChannel channel, Duration timeout, Consumer<byte[]> digest,
            Consumer<ReceivedMessage> onComplete) {
        this.reader = reader;
        this.channel = channel;
        this.timeout = timeout;
        this.digest = digest;
        this.onComplete = onComplete;
    }

    /**
     * Receives until {@code bytes} are buffered or the message is complete (and verified).
     *
     * @return whether the message is complete: then {@link #bytes()} is the whole body
     */
    synchronized boolean prefetch(long bytes) {
        long buffered = 0;
        while (!complete && buffered < bytes) {
            buffered += step();
        }
        return complete;
    }

    /** The pieces buffered so far, concatenated (the whole body once {@link #prefetch} returned true). */
    synchronized byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        if (current != null) {
            all.write(current, position, current.length - position);
        }
        pieces.forEach(all::writeBytes);
        return all.toByteArray();
    }

    /** Receives and verifies the rest of the message, discarding what the reader did not take. */
    synchronized void drain() {
        while (!complete) {
            step();
            while (pieces.size() > 1) {
                pieces.removeFirst();
            }
        }
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (!pieces.isEmpty() && (complete || pieces.size() > 1)) {
                current = pieces.removeFirst();
                position = 0;
            } else if (complete) {
                if (sentAt < 0) {
                    sentAt = System.nanoTime();
                }
                return -1;
            } else {
                try {
                    step();
                } catch (RuntimeException e) {
                    throw new IOException("the request from the peer server was refused: " + e.getMessage(), e);
                }
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** When the whole body had been read ({@link System#nanoTime()}); empty until then. */
    synchronized OptionalLong sentAt() {
        return sentAt < 0 ? OptionalLong.empty() : OptionalLong.of(sentAt);
    }

    /** The failure that ended the body, if any; the exchange reports it instead of the IS's error. */
    synchronized java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Takes one frame; returns the body bytes it added. */
    private int step() {
        if (failure != null) {
            throw failure;
        }
        try {
            ReadEvent event = reader.accept(channel.receive(timeout));
            switch (event) {
                case ReadEvent.Data d -> {
                    digest.accept(d.bytes());
                    pieces.addLast(d.bytes());
                    return d.bytes().length;
                }
                case ReadEvent.Complete c -> {
                    onComplete.accept(c.message());
                    complete = true;
                    return 0;
                }
                case ReadEvent.Fault f -> throw f.fault().toException();
                default -> throw ZholException.client(ErrorCode.INVALID_MESSAGE, "Unexpected " + event + " in a body");
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }
}
