// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The REST request hash that the provider's server returns in {@code X-Road-Request-Hash} and the
 * consumer's server checks (PR-REST §4.3), computed as X-Road computes it:
 * <pre>
 *   head = UTF-8( METHOD CRLF target CRLF { name ":" value CRLF } )
 *   hash = SHA-512(head)                                  when the request has no body
 *   hash = SHA-512( SHA-512(head) || SHA-512(body) )      otherwise
 * </pre>
 * and sent as standard base64 with padding. {@code target} is the request target as received
 * (path, then {@code ?query} if there was one); the headers are those forwarded, in order, with no
 * space after the colon.
 *
 * <p><b>Pitfalls:</b> "no body" means zero body bytes: an empty body hashes like none. The header
 * list must be the one both sides see, after {@link HeaderFilter#forwardRequest(List)} and with the
 * server-added {@code X-Road-Request-Id} and {@code X-Road-Id}; any difference in order or spelling
 * changes the hash.
 */
public final class RestRequestHash {

    /** The digest algorithm, X-Road's default. */
    public static final String ALGORITHM = "SHA-512";
    private static final byte[] CRLF = {'\r', '\n'};

    private RestRequestHash() {
    }

    /** The hashed head bytes of a request. */
    public static byte[] head(RestMethod method, String target, List<HttpHeader> headers) {
        StringBuilder s = new StringBuilder(256);
        s.append(method.name()).append("\r\n").append(target).append("\r\n");
        for (HttpHeader h : headers) {
            s.append(h.name()).append(':').append(h.value()).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The base64 request hash of a whole request; {@code body} may be empty. */
    public static String compute(RestMethod method, String target, List<HttpHeader> headers, byte[] body) {
        Accumulator a = start(method, target, headers);
        a.update(body, 0, body.length);
        return a.finish();
    }

    /** Starts a hash whose body is fed as it streams. */
    public static Accumulator start(RestMethod method, String target, List<HttpHeader> headers) {
        return new Accumulator(digest().digest(head(method, target, headers)));
    }

    /**
     * Checks a response's {@code X-Road-Request-Hash} against the hash of the request sent, in
     * constant time.
     *
     * @throws ZholException {@code InconsistentResponse} with {@link Origin#PEER_SERVER} on any difference
     */
    public static void verify(String expected, String received) {
        byte[] a = expected.getBytes(StandardCharsets.UTF_8);
        byte[] b = received == null ? new byte[0] : received.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(a, b)) {
            throw ZholException.of(ErrorCode.INCONSISTENT_RESPONSE, Origin.PEER_SERVER,
                    "The response's request hash does not match the request");
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "SHA-512 is not available", e);
        }
    }

    /**
     * A request hash in progress: feed the body with {@code update} as it passes, then {@link #finish()}.
     * Not thread-safe; use one per request.
     */
    public static final class Accumulator {
        private final byte[] headDigest;
        private final MessageDigest body = digest();
        private long bodyBytes;
        private String result;

        private Accumulator(byte[] headDigest) {
            this.headDigest = headDigest;
        }

        /** Feeds body bytes. */
        public Accumulator update(byte[] bytes, int offset, int length) {
            checkOpen();
            body.update(bytes, offset, length);
            bodyBytes += length;
            return this;
        }

        /** Feeds the remaining bytes of {@code buffer}, consuming them. */
        public Accumulator update(ByteBuffer buffer) {
            checkOpen();
            bodyBytes += buffer.remaining();
            body.update(buffer);
            return this;
        }

        /** The base64 request hash; later calls return the same value. */
        public String finish() {
            if (result == null) {
                byte[] hash = headDigest;
                if (bodyBytes > 0) {
                    MessageDigest outer = digest();
                    outer.update(headDigest);
                    outer.update(body.digest());
                    hash = outer.digest();
                }
                result = Base64.getEncoder().encodeToString(hash);
            }
            return result;
        }

        private void checkOpen() {
            if (result != null) {
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Request hash fed after finish", null);
            }
        }
    }
}
