// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.util.Objects;
import org.zhol.protocol.error.ZholException;

/**
 * What {@link FrameDecoder} passes on instead of a frame when the stream breaks the frame rules: the
 * receiver gets the fault ({@code InvalidMessage}) in order, after the frames before it.
 *
 * @param fault why the input was refused
 */
record MalformedFrame(ZholException fault) {

    MalformedFrame {
        Objects.requireNonNull(fault, "fault");
    }
}
