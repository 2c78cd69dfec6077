// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameCodec;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TransportLimits;

/** The frame decoder and encoder in memory. */
class FrameCodecHandlersTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(TransportLimits.DEFAULT),
            FrameEncoder.INSTANCE);

    @Test
    void framesSplitAcrossReadsAreReassembled() {
        byte[] wire = concat(FrameCodec.encode(new Frame(FrameType.HEAD, "{}".getBytes())),
                FrameCodec.encode(new Frame(FrameType.DATA, new byte[] {1, 2, 3})),
                FrameCodec.encode(new Frame(FrameType.DATA, new byte[0])));
        for (byte b : wire) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        Frame head = channel.readInbound();
        Frame data = channel.readInbound();
        Frame empty = channel.readInbound();
        assertEquals(FrameType.HEAD, head.type());
        assertArrayEquals(new byte[] {1, 2, 3}, data.payload());
        assertEquals(0, empty.payload().length);
        assertNull(channel.readInbound());
    }

    @Test
    void anOverLimitLengthIsRefusedFromTheHeaderAlone() {
        // A DATA header declaring 64 KiB + 1, and none of the payload.
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x04, 0, 1, 0, 1}));

        MalformedFrame malformed = channel.readInbound();
        assertEquals(ErrorCode.INVALID_MESSAGE, malformed.fault().code());
    }

    @Test
    void afterMalformedInputTheRestOfTheStreamIsDropped() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(new byte[] {0x7f, 0, 0, 0, 0},
                FrameCodec.encode(new Frame(FrameType.DATA, new byte[] {9})))));
        channel.writeInbound(Unpooled.wrappedBuffer(FrameCodec.encode(new Frame(FrameType.DATA, new byte[] {9}))));

        MalformedFrame malformed = channel.readInbound();
        assertEquals(ErrorCode.INVALID_MESSAGE, malformed.fault().code());
        assertNull(channel.readInbound(), "nothing after the break is decoded");
    }

    @Test
    void theEncoderWritesHeaderAndPayload() {
        Frame frame = new Frame(FrameType.TRAILER, new byte[] {5, 6});
        channel.writeOutbound(frame);

        ByteBuf out = channel.readOutbound();
        assertArrayEquals(FrameCodec.encode(frame), ByteBufUtil.getBytes(out));
        out.release();
    }

    @Test
    void aFrameCountsAtItsWireSizeAgainstTheWaterMarks() {
        assertEquals(5 + 1000, FrameSizeEstimator.INSTANCE.newHandle().size(new Frame(FrameType.DATA,
                new byte[1000])));
        assertEquals(3, FrameSizeEstimator.INSTANCE.newHandle().size(Unpooled.wrappedBuffer(new byte[3])));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
