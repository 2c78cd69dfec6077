// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Notes, before the HTTP codec, whether any bytes arrived since the last request head was complete, so that
 * {@link ClientHttpHandler} can tell a slow head (answered 408 when the header timeout fires) from an idle
 * keep-alive connection (closed without an answer). Event-loop confined; one per connection.
 */
final class HeadProgress extends ChannelInboundHandlerAdapter {

    private boolean started;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            started = true;
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether bytes of a next request have arrived since {@link #reset}. */
    boolean started() {
        return started;
    }

    /** A request head was complete: what follows belongs to the next one. */
    void reset() {
        started = false;
    }
}
