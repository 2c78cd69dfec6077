// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ZholException;

/**
 * Frames to bytes and back ({@code transport.md} §frames): {@code type (1) | length (4, unsigned
 * big-endian) | payload}. Encoding is a pure function; decoding is an incremental state machine
 * ({@link Decoder}) that takes bytes as they arrive and hands out whole frames.
 *
 * <p><b>Limits:</b> {@link TransportLimits}, per frame type; checked from the header, before the payload
 * is read. A Netty decoder may instead peek at the first five bytes and call
 * {@link FrameHeader#parse(int, long, TransportLimits)} itself.
 */
public final class FrameCodec {

    private FrameCodec() {
    }

    /** The 5 header bytes of {@code frame}. */
    public static byte[] header(Frame frame) {
        return new FrameHeader(frame.type(), frame.payload().length).encode();
    }

    /** The whole frame: header, then payload. */
    public static byte[] encode(Frame frame) {
        byte[] payload = frame.payload();
        byte[] out = new byte[FrameHeader.LENGTH + payload.length];
        System.arraycopy(header(frame), 0, out, 0, FrameHeader.LENGTH);
        System.arraycopy(payload, 0, out, FrameHeader.LENGTH, payload.length);
        return out;
    }

    /**
     * Checks an outgoing frame against {@code limits}; a sender calls this so that it never sends what
     * its peer must refuse.
     *
     * @throws IllegalArgumentException when the payload is over its type's limit
     */
    public static Frame requireWithin(Frame frame, TransportLimits limits) {
        if (frame.payload().length > limits.maxPayload(frame.type())) {
            throw new IllegalArgumentException(frame + " is over the limit of " + limits.maxPayload(frame.type()));
        }
        return frame;
    }

    /**
     * Reads frames from a byte stream given in pieces of any size. Feed it with {@link #decode}; each call
     * consumes bytes from the buffer and returns a frame once one is complete. The payload buffer of a
     * frame is allocated only after its header passed the limits.
     *
     * <p><b>Pitfalls:</b> not thread-safe (one per connection). After it has thrown, the stream is out of
     * step: the decoder refuses all further input and the connection must be closed.
     */
    public static final class Decoder {

        private final TransportLimits limits;
        private final byte[] header = new byte[FrameHeader.LENGTH];
        private int headerRead;
        private FrameHeader current;
        private byte[] payload;
        private int payloadRead;
        private ZholException failure;

        /** A decoder at the start of a stream. */
        public Decoder(TransportLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
        }

        /**
         * Consumes bytes from {@code in} up to the end of the next frame and returns it; returns empty
         * when {@code in} ran out first (all its bytes are then consumed and kept).
         *
         * @throws ZholException {@code InvalidMessage} for an unknown frame type or a declared length over
         *                       the limit, and for every call after that
         */
        public Optional<Frame> decode(ByteBuffer in) {
            if (failure != null) {
                throw failure;
            }
            if (current == null) {
                int n = Math.min(in.remaining(), FrameHeader.LENGTH - headerRead);
                in.get(header, headerRead, n);
                headerRead += n;
                if (headerRead < FrameHeader.LENGTH) {
                    return Optional.empty();
                }
                try {
                    current = FrameHeader.parse(header, 0, limits);
                } catch (ZholException e) {
                    failure = e;
                    throw e;
                }
                payload = new byte[current.length()];
                payloadRead = 0;
            }
            int n = Math.min(in.remaining(), payload.length - payloadRead);
            in.get(payload, payloadRead, n);
            payloadRead += n;
            if (payloadRead < payload.length) {
                return Optional.empty();
            }
            Frame frame = new Frame(current.type(), payload);
            current = null;
            payload = null;
            headerRead = 0;
            return Optional.of(frame);
        }

        /** Whether the stream is between frames (no partial header or payload is held). */
        public boolean atFrameBoundary() {
            return failure == null && current == null && headerRead == 0;
        }

        @Override
        public String toString() {
            return "FrameCodec.Decoder[" + (current == null ? "header " + headerRead + "/5"
                    : current.type() + " " + payloadRead + "/" + current.length()) + "]";
        }
    }
}
