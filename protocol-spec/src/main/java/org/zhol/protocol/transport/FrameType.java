// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Optional;

/**
 * The kinds of frame on a connection between security servers ({@code transport.md}). The code is the
 * frame's first byte on the wire.
 */
public enum FrameType {
    /** Once per direction at the start of a connection: version and the sender's auth-certificate OCSP response. */
    HELLO(0x01),
    /** The metadata record of a message; its payload is the {@code metadata.xml} data object. */
    META(0x02),
    /** The head of a request or a response; its payload is the {@code head.json} data object. */
    HEAD(0x03),
    /** A piece of the body; the payloads of all DATA frames of a message, in order, are its {@code body}. */
    DATA(0x04),
    /** Ends a message: the manifest, the signature and the sender's latest log checkpoint. */
    TRAILER(0x05),
    /** Ends an exchange with an error instead of (the rest of) a message. */
    FAULT(0x06);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The byte that identifies this type on the wire. */
    public int code() {
        return code;
    }

    /** The type whose wire byte is {@code code} (0-255), or empty for an unknown one. */
    public static Optional<FrameType> byCode(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
