// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The 5-byte header of a frame: the type byte, then the payload length as an unsigned 32-bit big-endian
 * integer. {@link #parse} checks both against {@link TransportLimits} before any payload is read, so a
 * Netty decoder can refuse a frame from its first five bytes.
 *
 * @param type   the frame type
 * @param length the payload length, 0 to the type's limit
 */
public record FrameHeader(FrameType type, int length) {

    /** The length of a frame header on the wire. */
    public static final int LENGTH = 5;

    public FrameHeader {
        Objects.requireNonNull(type, "type");
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
    }

    /**
     * Checks a header given as its type byte and its declared length.
     *
     * @param typeByte the first byte, 0-255 (an unsigned value; a negative Java byte is masked)
     * @param length   the declared length, 0 to 2^32-1
     * @throws ZholException {@code InvalidMessage} for an unknown type or a length over the type's limit
     */
    public static FrameHeader parse(int typeByte, long length, TransportLimits limits) {
        int code = typeByte & 0xFF;
        FrameType type = FrameType.byCode(code).orElseThrow(() -> ZholException.client(ErrorCode.INVALID_MESSAGE,
                "Unknown frame type 0x" + String.format("%02x", code)));
        if (length < 0 || length > limits.maxPayload(type)) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "A " + type + " frame declares " + length
                    + " bytes; the limit is " + limits.maxPayload(type));
        }
        return new FrameHeader(type, (int) length);
    }

    /**
     * Checks the header in {@code bytes} at {@code offset} (5 bytes).
     *
     * @throws ZholException {@code InvalidMessage} for an unknown type or a length over the type's limit
     */
    public static FrameHeader parse(byte[] bytes, int offset, TransportLimits limits) {
        Objects.checkFromIndexSize(offset, LENGTH, bytes.length);
        long length = ((bytes[offset + 1] & 0xFFL) << 24) | ((bytes[offset + 2] & 0xFFL) << 16)
                | ((bytes[offset + 3] & 0xFFL) << 8) | (bytes[offset + 4] & 0xFFL);
        return parse(bytes[offset], length, limits);
    }

    /** The 5 header bytes. */
    public byte[] encode() {
        return new byte[] {(byte) type.code(), (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }
}
