// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * A {@link SigningKey} over a JCA {@link PrivateKey} held in memory.
 *
 * <p><b>Pitfalls:</b> {@link #toString()} never shows the key. The algorithm is derived from the key
 * (P-256 → ECDSA, RSA ≥ 2048 → RSA PKCS#1 v1.5), both with SHA-256.
 */
public final class SoftwareSigningKey implements SigningKey {

    private final PrivateKey privateKey;
    private final SignatureAlgorithm algorithm;
    private final CryptoProvider provider;

    /**
     * @param privateKey an EC P-256 or RSA (≥ 2048 bits) private key
     * @param provider   which provider signs; {@link CryptoProvider#forSigning()} unless measuring
     */
    public SoftwareSigningKey(PrivateKey privateKey, CryptoProvider provider) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.algorithm = SignatureAlgorithm.forKey(privateKey);
    }

    /** A key signing with {@link CryptoProvider#forSigning()}. */
    public SoftwareSigningKey(PrivateKey privateKey) {
        this(privateKey, CryptoProvider.forSigning());
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        try {
            Signature signature = provider.signature(algorithm);
            signature.initSign(privateKey);
            signature.update(toBeSigned);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "The signing key failed to sign", e);
        }
    }

    @Override
    public String toString() {
        return "SoftwareSigningKey[" + algorithm + ", " + provider + "]";
    }
}
