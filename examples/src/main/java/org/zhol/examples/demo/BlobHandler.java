// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The demo provider's {@code blobs} service, in front of the aggregation so that a body of any size
 * passes in constant memory:
 *
 * <pre>
 * POST /blobs/digest    reads the whole body, answers {"bytes":N,"sha256":"hex"}
 * GET  /blobs/{bytes}   answers that many bytes of the {@link Blobs} pattern (application/octet-stream)
 * </pre>
 *
 * Every other request passes on untouched to the provider's small-request routes. One instance per
 * connection; everything runs on the connection's event loop.
 *
 * <p>Deviation: the digest is computed on the event loop. This is the demo information system, not a
 * security server; SHA-256 keeps pace with a loopback socket, and a hand-off would only add copies.
 */
final class BlobHandler extends ChannelInboundHandlerAdapter {

    /** The path prefix of the service. */
    static final String PREFIX = "/blobs";
    private static final ByteBuf BLOCK = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(Blobs.block()).asReadOnly());

    /** What the connection's current request is. */
    private enum Mode { PASS, DIGEST, SEND, REFUSE }

    private Mode mode = Mode.PASS;
    private boolean keepAlive;
    private MessageDigest digest;
    private long received;
    private long toSend;
    private String refusal;
    private int refusalStatus;
    private boolean answered;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest head) {
            start(head);
            if (mode == Mode.PASS) {
                ctx.fireChannelRead(msg);
                return;
            }
        } else if (mode == Mode.PASS) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof HttpContent content) {
                consume(ctx, content.content());
                if (msg instanceof LastHttpContent) {
                    finish(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Decides from the head whether this handler answers the request. */
    private void start(HttpRequest head) {
        String path = new QueryStringDecoder(head.uri()).path();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            mode = Mode.PASS;
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(head);
        received = 0;
        answered = false;
        String rest = path.substring(PREFIX.length());
        if (head.method().equals(HttpMethod.POST) && rest.equals("/digest")) {
            mode = Mode.DIGEST;
            digest = sha256();
        } else if (head.method().equals(HttpMethod.GET) && rest.matches("/[0-9]{1,11}")
                && Long.parseLong(rest.substring(1)) <= Blobs.MAX_BYTES) {
            mode = Mode.SEND;
            toSend = Long.parseLong(rest.substring(1));
        } else {
            mode = Mode.REFUSE;
            refusalStatus = rest.matches("/[0-9]+") || rest.equals("/digest") ? 405 : 404;
            refusal = refusalStatus == 405 ? "Use POST /blobs/digest or GET /blobs/{bytes} (at most "
                    + Blobs.MAX_BYTES + ")" : "No such blob route: " + path;
        }
    }

    private void consume(ChannelHandlerContext ctx, ByteBuf bytes) {
        received += bytes.readableBytes();
        if (received > Blobs.MAX_BYTES && !answered) {
            // Answered at once and the connection closed; what still arrives is dropped.
            mode = Mode.REFUSE;
            keepAlive = false;
            answer(ctx, 413, "{\"type\":\"bad_request\",\"message\":\"The body is larger than "
                    + Blobs.MAX_BYTES + " bytes\"}");
            answered = true;
            return;
        }
        if (mode == Mode.DIGEST) {
            for (ByteBuffer part : bytes.nioBuffers()) {
                digest.update(part);
            }
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        if (answered) {
            mode = Mode.PASS;
            return;
        }
        switch (mode) {
            case DIGEST -> answer(ctx, 200, "{\"bytes\":" + received + ",\"sha256\":\""
                    + HexFormat.of().formatHex(digest.digest()) + "\"}");
            case SEND -> startSending(ctx);
            case REFUSE -> answer(ctx, refusalStatus, "{\"type\":\"" + (refusalStatus == 404 ? "not_found"
                    : "bad_request") + "\",\"message\":\"" + refusal + "\"}");
            case PASS -> { }
        }
        mode = mode == Mode.SEND ? Mode.SEND : Mode.PASS;
    }

    private void answer(ChannelHandlerContext ctx, int status, String json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The head, then as many chunks as the connection takes; the rest when it is writable again. */
    private void startSending(ChannelHandlerContext ctx) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
        HttpUtil.setContentLength(response, toSend);
        HttpUtil.setKeepAlive(response, keepAlive);
        // No further request is read until this answer is out, so that answers stay in order.
        ctx.channel().config().setAutoRead(false);
        ctx.write(response);
        pump(ctx);
    }

    private void pump(ChannelHandlerContext ctx) {
        while (toSend > 0 && ctx.channel().isWritable()) {
            int n = (int) Math.min(Blobs.BLOCK, toSend);
            ctx.write(new DefaultHttpContent(BLOCK.slice(0, n)));
            toSend -= n;
        }
        if (toSend > 0) {
            ctx.flush();
            return;
        }
        mode = Mode.PASS;
        var written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (keepAlive) {
            ctx.channel().config().setAutoRead(true);
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (mode == Mode.SEND && toSend > 0 && ctx.channel().isWritable()) {
            pump(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
