// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameHeader;
import org.zhol.protocol.transport.TransportLimits;

/**
 * Bytes to {@link Frame}s, a thin adapter over the protocol's {@link FrameHeader#parse}: the 5-byte header
 * is checked against {@link TransportLimits} before any payload is buffered, so a peer cannot make this
 * side hold more than one frame's limit. Malformed input becomes one {@link MalformedFrame} value; after it
 * the rest of the stream is discarded (it is out of step), and the connection is closed by its owner.
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final TransportLimits limits;
    private boolean failed;

    FrameDecoder(TransportLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameHeader.LENGTH) {
            return;
        }
        int start = in.readerIndex();
        FrameHeader header;
        try {
            header = FrameHeader.parse(in.getUnsignedByte(start), in.getUnsignedInt(start + 1), limits);
        } catch (ZholException malformed) {
            failed = true;
            in.skipBytes(in.readableBytes());
            out.add(new MalformedFrame(malformed));
            return;
        }
        if (in.readableBytes() < FrameHeader.LENGTH + header.length()) {
            return;
        }
        byte[] payload = new byte[header.length()];
        in.skipBytes(FrameHeader.LENGTH);
        in.readBytes(payload);
        out.add(new Frame(header.type(), payload));
    }
}
