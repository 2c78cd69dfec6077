// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;

/**
 * The limits of the transport between security servers ({@code transport.md} §limits): the largest
 * payload of each frame type, and the most header fields in a head. A frame whose declared length is over
 * its type's limit is refused from its 5-byte header, before any of its payload is read. Crossing any of
 * these gives {@code InvalidMessage}.
 *
 * <p>The largest body of a message is not here: it is a per-server setting, handed to
 * {@link MessageReader} and {@link MessageWriter} directly.
 *
 * @param maxHelloBytes   HELLO payload (default 16 KiB)
 * @param maxMetaBytes    META payload, the metadata record (default 16 KiB)
 * @param maxHeadBytes    HEAD payload (default 64 KiB)
 * @param maxDataBytes    one DATA payload (default 64 KiB); writers cut bodies into pieces of at most this
 * @param maxTrailerBytes TRAILER payload (default 256 KiB)
 * @param maxFaultBytes   FAULT payload (default 16 KiB)
 * @param maxHeaders      header fields in one head (default 200)
 */
public record TransportLimits(int maxHelloBytes, int maxMetaBytes, int maxHeadBytes, int maxDataBytes,
        int maxTrailerBytes, int maxFaultBytes, int maxHeaders) {

    /** Limit: no frame payload limit may exceed this (16 MiB), so that any limit fits a Netty buffer. */
    public static final int MAX_PAYLOAD_LIMIT = 16 * 1024 * 1024;

    /** The defaults of {@code transport.md}. */
    public static final TransportLimits DEFAULT = new TransportLimits(16 * 1024, 16 * 1024, 64 * 1024, 64 * 1024,
            256 * 1024, 16 * 1024, 200);

    public TransportLimits {
        requireRange(maxHelloBytes, 1024, "maxHelloBytes");
        requireRange(maxMetaBytes, 1024, "maxMetaBytes");
        requireRange(maxHeadBytes, 1024, "maxHeadBytes");
        requireRange(maxDataBytes, 1024, "maxDataBytes");
        requireRange(maxTrailerBytes, 1024, "maxTrailerBytes");
        requireRange(maxFaultBytes, 1024, "maxFaultBytes");
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be positive");
        }
    }

    private static void requireRange(int value, int min, String name) {
        if (value < min || value > MAX_PAYLOAD_LIMIT) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + MAX_PAYLOAD_LIMIT);
        }
    }

    /** The largest payload of a frame of {@code type}. */
    public int maxPayload(FrameType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case HELLO -> maxHelloBytes;
            case META -> maxMetaBytes;
            case HEAD -> maxHeadBytes;
            case DATA -> maxDataBytes;
            case TRAILER -> maxTrailerBytes;
            case FAULT -> maxFaultBytes;
        };
    }
}
