// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.DefaultMessageSizeEstimator;
import io.netty.channel.MessageSizeEstimator;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameHeader;

/**
 * Counts a {@link Frame} at its wire size. A frame written from a virtual thread waits in the event loop's
 * queue before the encoder turns it into bytes; Netty counts such writes against the channel's water
 * marks with this estimate, so without it a fast writer could queue a whole body before the channel ever
 * became unwritable.
 */
final class FrameSizeEstimator implements MessageSizeEstimator {

    /** Stateless; one for all channels. */
    static final FrameSizeEstimator INSTANCE = new FrameSizeEstimator();

    private static final Handle HANDLE = new Handle() {
        private final Handle others = DefaultMessageSizeEstimator.DEFAULT.newHandle();

        @Override
        public int size(Object msg) {
            return msg instanceof Frame frame ? FrameHeader.LENGTH + frame.payload().length : others.size(msg);
        }
    };

    private FrameSizeEstimator() {
    }

    @Override
    public Handle newHandle() {
        return HANDLE;
    }
}
