// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.exchange.ClientResponder;

/** Test helpers: generated bodies of any size, digests, raw HTTP, small answers. */
final class Streams {

    private Streams() {
    }

    /** {@code length} pseudo-random bytes from {@code seed}, counted in {@code produced} as they are read. */
    static final class Generated extends InputStream {
        private final long length;
        private final AtomicLong produced;
        private long position;
        private long state;

        Generated(long seed, long length, AtomicLong produced) {
            this.length = length;
            this.produced = produced;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            position += n;
            produced.addAndGet(n);
            return n;
        }
    }

    static byte[] expectedDigest(long seed, long length) {
        MessageDigest digest = sha256();
        try (InputStream in = new Generated(seed, length, new AtomicLong())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with a small text body of known length. */
    static void answer(ClientResponder responder, int status, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = responder.respond(status, List.of(new HttpHeader("Content-Type", "text/plain"),
                new HttpHeader("Content-Length", String.valueOf(body.length))))) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes and reads everything until the server closes. */
    static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits until {@code counter} stops moving for a while (a writer blocked by back-pressure, or done). */
    static void awaitStable(AtomicLong counter) {
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
}
