// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameCodec;

/** {@link Frame}s to bytes: the protocol's 5-byte header, then the payload, wrapped without a copy. */
@Sharable
final class FrameEncoder extends MessageToMessageEncoder<Frame> {

    /** Stateless; one for all channels. */
    static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(FrameCodec.header(frame), frame.payload()));
    }
}
