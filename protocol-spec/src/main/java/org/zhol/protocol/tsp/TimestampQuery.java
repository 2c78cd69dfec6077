// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;

/**
 * An RFC 3161 {@code TimeStampReq} as Zhol sends it: version 1, a SHA-256 message imprint,
 * {@code certReq = TRUE} (so that the token embeds the TSA certificate and verifies offline), an
 * optional nonce and no requested policy (the TSA applies its own; the verifier checks it).
 *
 * <p><b>Pitfalls:</b> the record holds a copy of the digest and returns copies; equality is by content.
 *
 * @param digest the SHA-256 digest of the data to stamp, exactly 32 bytes
 * @param nonce  a fresh random number that the reply must echo, or empty
 */
public record TimestampQuery(byte[] digest, Optional<BigInteger> nonce) {

    /** The length of a SHA-256 digest. */
    public static final int DIGEST_LENGTH = 32;
    /** Bits of randomness in the nonces that {@link #withNonce} makes. */
    public static final int NONCE_BITS = 64;

    public TimestampQuery {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(nonce, "nonce");
        if (digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is " + DIGEST_LENGTH + " bytes, not " + digest.length);
        }
        digest = digest.clone();
    }

    /** A query for {@code sha256} with a fresh {@value #NONCE_BITS}-bit nonce from {@code random}. */
    public static TimestampQuery withNonce(byte[] sha256, SecureRandom random) {
        return new TimestampQuery(sha256, Optional.of(new BigInteger(NONCE_BITS, random)));
    }

    /** A query for {@code sha256} without a nonce, e.g. for a reproducible test vector. */
    public static TimestampQuery withoutNonce(byte[] sha256) {
        return new TimestampQuery(sha256, Optional.empty());
    }

    /** The SHA-256 digest of {@code data}, the imprint to put in a query. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** The DER encoding, the body of an {@code application/timestamp-query} request. */
    public byte[] encoded() {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        try {
            return generator.generate(TSPAlgorithms.SHA256, digest, nonce.orElse(null)).toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimestampQuery that && Arrays.equals(digest, that.digest) && nonce.equals(that.nonce);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(digest) + nonce.hashCode();
    }

    @Override
    public String toString() {
        return "TimestampQuery[digest=" + HexFormat.of().formatHex(digest) + ", nonce=" + nonce + "]";
    }
}
