// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * Computes a {@code requestHash} while the request streams (PR-MESS §2.2): the digest of the bytes of
 * the SOAP request as the client sent it, which is the whole HTTP body for a plain request and the
 * first MIME part's body (the SOAP part, not its MIME headers) for a multipart one.
 *
 * <p>Not thread-safe: one instance per request. <b>Pitfalls:</b> hash the bytes as received, before
 * any re-encoding or BOM removal, or the hash will not match the one the peer computes.
 */
public final class RequestDigest {

    private final HashAlgorithm algorithm;
    private final MessageDigest digest;

    private RequestDigest(HashAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
    }

    /** A digest for {@code algorithm}; X-Road uses {@link HashAlgorithm#SHA512}. */
    public static RequestDigest start(HashAlgorithm algorithm) {
        return new RequestDigest(Objects.requireNonNull(algorithm, "algorithm"));
    }

    /** The hash of {@code soapBytes} in one step. */
    public static RequestHash of(HashAlgorithm algorithm, byte[] soapBytes) {
        return start(algorithm).update(soapBytes, 0, soapBytes.length).finish();
    }

    public RequestDigest update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        return this;
    }

    /** Adds the remaining bytes of {@code buffer}, consuming them. */
    public RequestDigest update(ByteBuffer buffer) {
        digest.update(buffer);
        return this;
    }

    /** The hash of everything added; the digest cannot be used afterwards. */
    public RequestHash finish() {
        return new RequestHash(algorithm.uri(), Base64.getEncoder().encodeToString(digest.digest()));
    }
}
