// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.time.Duration;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.protocol.transport.TransportLimits;

/**
 * Sending on a {@link PeerChannel} with one rule: when a send fails because the peer closed the
 * connection, the peer may have said why first (a FAULT frame sent before it closed, e.g. after refusing
 * the request's head), and that fault is what the exchange reports instead of the network error.
 */
final class PeerCalls {

    /** How long to look for the peer's last FAULT after a failed send. */
    static final Duration LAST_WORDS = Duration.ofSeconds(2);

    private PeerCalls() {
    }

    /** Sends the frames in order. */
    static void send(PeerChannel channel, List<Frame> frames, TransportLimits limits) {
        for (Frame frame : frames) {
            send(channel, frame, limits);
        }
    }

    /** Sends one frame; a failure becomes the peer's FAULT when one arrived. */
    static void send(PeerChannel channel, Frame frame, TransportLimits limits) {
        try {
            channel.send(frame);
        } catch (ZholException e) {
            if (e.code() != ErrorCode.NETWORK_ERROR) {
                throw e;
            }
            throw lastWords(channel, limits).orElse(e);
        }
    }

    private static java.util.Optional<ZholException> lastWords(PeerChannel channel, TransportLimits limits) {
        try {
            for (int i = 0; i < 64; i++) {
                Frame frame = channel.receive(LAST_WORDS);
                if (frame.type() == FrameType.FAULT) {
                    return java.util.Optional.of(TransportFaultCodec.decode(frame.payload(), limits).toException());
                }
            }
        } catch (ZholException | IllegalStateException gone) {
            // Nothing more came: the network error stands.
        }
        return java.util.Optional.empty();
    }
}
