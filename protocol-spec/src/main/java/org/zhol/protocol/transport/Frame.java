// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;

/**
 * One frame: its type and its payload bytes (not copied; treat as read-only).
 *
 * @param type    the kind of frame
 * @param payload the payload, at most the limit for its type ({@code transport.md})
 */
public record Frame(FrameType type, byte[] payload) {

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
        return type + "[" + payload.length + " bytes]";
    }
}
