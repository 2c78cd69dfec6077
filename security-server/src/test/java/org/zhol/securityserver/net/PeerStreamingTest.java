// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.securityserver.exchange.PeerChannel;
import org.zhol.server.config.ListenerConfig;

/**
 * A large body streams between two security servers through bounded queues: the sender blocks while the
 * receiver does not read, and the bytes arrive intact. No timings are asserted.
 */
class PeerStreamingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Each direction: 100 MiB, 1600 DATA frames of 64 KiB. */
    private static final int FRAMES = 1600;
    private static final int FRAME = 64 * 1024;
    /**
     * What may be in flight while the receiver does not read: its queue, one read, both outbound buffers
     * and the kernel's socket buffers (a few MiB each on loopback). Far below the 100 MiB sent.
     */
    private static final long IN_FLIGHT_BOUND = 32L * 1024 * 1024;

    private final PeerFixture pki = new PeerFixture();
    private ServerProxyListener server;
    private PeerClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLargeBodyStreamsBothWaysWithBackPressure() throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicLong inFlightWhilePaused = new AtomicLong(-1);
        AtomicReference<Boolean> readingPaused = new AtomicReference<>();
        AtomicLong queuedWhilePaused = new AtomicLong(-1);
        AtomicReference<byte[]> requestDigest = new AtomicReference<>();
        server = new ServerProxyListener(ServerProxyConfig.defaults(new ListenerConfig("127.0.0.1", 0)), pki.ss1,
                pki.authenticator, channel -> {
                    MessageDigest digest = sha256();
                    long received = 0;
                    Frame frame = channel.receive(WAIT);
                    // Stop reading until the sender is blocked, then look at what is in flight.
                    awaitStable(sent);
                    PeerConnection connection = ((ExchangeChannel) channel).connection();
                    readingPaused.set(!connection.channel().config().isAutoRead());
                    queuedWhilePaused.set(connection.inbox().queuedBytes());
                    inFlightWhilePaused.set(sent.get() - received);
                    while (frame.type() != FrameType.TRAILER) {
                        if (frame.type() == FrameType.DATA) {
                            digest.update(frame.payload());
                            received += frame.payload().length;
                        }
                        frame = channel.receive(WAIT);
                    }
                    requestDigest.set(digest.digest());
                    sendBody(channel, 2, new AtomicLong());
                    channel.release(true);
                }).start();
        client = new PeerClient(PeerClientConfig.DEFAULTS, pki.consumer, pki.authenticator).start();
        SecurityServer ss1 = pki.ss1.at("127.0.0.1:" + server.port());

        PeerChannel channel = client.connect(List.of(ss1));
        byte[] sentDigest = sendBody(channel, 1, sent);
        MessageDigest responseDigest = sha256();
        Frame frame;
        while ((frame = channel.receive(WAIT)).type() != FrameType.TRAILER) {
            if (frame.type() == FrameType.DATA) {
                responseDigest.update(frame.payload());
            }
        }
        channel.release(true);

        assertArrayEquals(sentDigest, requestDigest.get(), "the request body arrived intact");
        assertArrayEquals(expectedDigest(2), responseDigest.digest(), "the response body arrived intact");
        assertTrue(readingPaused.get(), "the receiver stopped reading while its queue was full");
        assertTrue(queuedWhilePaused.get() <= PeerConnection.HIGH_WATER + 2L * FRAME,
                "queued " + queuedWhilePaused.get());
        assertTrue(inFlightWhilePaused.get() < IN_FLIGHT_BOUND, "in flight " + inFlightWhilePaused.get());
        assertEquals(1, client.idleConnections(ss1));
        assertFalse(inFlightWhilePaused.get() < 0);
    }

    /** Sends META, HEAD, the body of {@code seed} as DATA frames, TRAILER; returns the body's digest. */
    private static byte[] sendBody(PeerChannel channel, int seed, AtomicLong sent) {
        channel.send(new Frame(FrameType.META, new byte[] {1}));
        channel.send(new Frame(FrameType.HEAD, new byte[] {2}));
        MessageDigest digest = sha256();
        for (int i = 0; i < FRAMES; i++) {
            byte[] payload = piece(seed, i);
            digest.update(payload);
            channel.send(new Frame(FrameType.DATA, payload));
            sent.addAndGet(payload.length);
        }
        channel.send(new Frame(FrameType.TRAILER, new byte[] {3}));
        return digest.digest();
    }

    private static byte[] expectedDigest(int seed) {
        MessageDigest digest = sha256();
        for (int i = 0; i < FRAMES; i++) {
            digest.update(piece(seed, i));
        }
        return digest.digest();
    }

    private static byte[] piece(int seed, int index) {
        ByteBuffer bytes = ByteBuffer.allocate(FRAME);
        long x = seed * 0x9E3779B97F4A7C15L + index;
        while (bytes.hasRemaining()) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            bytes.putLong(x);
        }
        return bytes.array();
    }

    /** Waits until {@code counter} stops moving: the writer is blocked by back-pressure (or done). */
    private static void awaitStable(AtomicLong counter) {
        long last = -1;
        int stableRounds = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (stableRounds < 3 && System.nanoTime() < deadline) {
            long now = counter.get();
            stableRounds = now == last ? stableRounds + 1 : 0;
            last = now;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
