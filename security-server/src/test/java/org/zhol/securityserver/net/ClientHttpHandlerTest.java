// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The IS listener's own answers, in memory: limits and a full listener, before any handler runs. */
class ClientHttpHandlerTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger handled = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private EmbeddedChannel channel(int permits) {
        ClientHttpLimits limits = ClientHttpLimits.DEFAULTS;
        ClientHttpHandler.Shared shared = new ClientHttpHandler.Shared((request, responder) -> {
            handled.incrementAndGet();
            Streams.answer(responder, 200, "ok");
        }, executor, new Semaphore(permits), limits, false);
        HeadProgress progress = new HeadProgress();
        return new EmbeddedChannel(progress, new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxRequestLineBytes()).setMaxHeaderSize(limits.maxHeaderBytes())),
                new ClientHttpHandler(shared, progress));
    }

    private static String answer(EmbeddedChannel channel, String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return out.toString();
    }

    @Test
    void aLongRequestLineIs414() {
        String out = answer(channel(8), "GET /" + "x".repeat(9000) + " HTTP/1.1\r\n\r\n");

        assertTrue(out.startsWith("HTTP/1.1 414 "), out);
        assertTrue(out.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json;charset=utf-8"), out);
        assertTrue(out.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), out);
        assertEquals(0, handled.get());
    }

    @Test
    void largeHeadersAre431() {
        String out = answer(channel(8), "GET / HTTP/1.1\r\nX: " + "y".repeat(70_000) + "\r\n\r\n");

        assertTrue(out.startsWith("HTTP/1.1 431 "), out);
        assertTrue(out.contains("X-Road-Error: Client.BadRequest"), out);
    }

    @Test
    void tooManyHeaderFieldsAre431() {
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i <= ClientHttpLimits.DEFAULTS.maxHeaderCount(); i++) {
            request.append("H").append(i).append(": v\r\n");
        }
        String out = answer(channel(8), request.append("\r\n").toString());

        assertTrue(out.startsWith("HTTP/1.1 431 "), out);
    }

    @Test
    void notHttpIs400() {
        String out = answer(channel(8), "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n");

        assertTrue(out.startsWith("HTTP/1.1 400 "), out);
        assertTrue(out.contains("\"type\":\"Client.BadRequest\""), out);
    }

    @Test
    void aFullListenerIs503AtOnce() {
        EmbeddedChannel channel = channel(0);
        String out = answer(channel, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        assertTrue(out.startsWith("HTTP/1.1 503 "), out);
        assertTrue(out.contains("X-Road-Error: Server.ClientProxy.InternalError"), out);
        assertEquals(0, handled.get());
        assertFalse(out.contains("ok"));
    }
}
