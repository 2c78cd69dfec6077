// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

/**
 * A key that signs: the one place where a private key is used. A software key
 * ({@link SoftwareSigningKey}) or a token (PKCS#11, a remote signer) implements it; CMS building
 * ({@link CadesSigner}) only ever calls {@link #sign}.
 *
 * <p><b>Pitfalls:</b> {@link #sign} receives the DER-encoded signed attributes, not a digest: an
 * implementation that can only sign digests hashes them with SHA-256 first (and, for RSA, wraps the
 * digest in a PKCS#1 {@code DigestInfo}).
 */
public interface SigningKey {

    /** The algorithm this key signs with; fixed for the key's life. */
    SignatureAlgorithm algorithm();

    /**
     * Signs {@code toBeSigned} with {@link #algorithm()}.
     *
     * @return the raw signature value (for ECDSA the DER {@code ECDSA-Sig-Value})
     * @throws org.zhol.protocol.error.ZholException {@code CannotSign} when the key or token fails
     */
    byte[] sign(byte[] toBeSigned);
}
