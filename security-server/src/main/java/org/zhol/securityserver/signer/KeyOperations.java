// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The read-only half of {@link Signer}, the same for every token: it works on whatever key ring the
 * token holds at the moment of the call, and fails with {@code TokenNotActive} while it holds none.
 */
final class KeyOperations {

    /** The token's current key ring; {@code null} while the token is locked. */
    interface RingSource {
        KeyRing ringOrNull();
    }

    private final String tokenId;
    private final RingSource source;
    private final TokenCrypto crypto;

    KeyOperations(String tokenId, RingSource source, TokenCrypto crypto) {
        this.tokenId = tokenId;
        this.source = source;
        this.crypto = crypto;
    }

    /**
     * The key ring of the open token.
     *
     * @throws ZholException {@link ErrorCode#TOKEN_NOT_ACTIVE} while the token is locked
     */
    KeyRing ring() {
        KeyRing ring = source.ringOrNull();
        if (ring == null) {
            throw ZholException.client(ErrorCode.TOKEN_NOT_ACTIVE,
                    "Token '" + tokenId + "' is locked: log in with its PIN first");
        }
        return ring;
    }

    List<KeyInfo> keys() {
        return ring().infos();
    }

    byte[] certificationRequest(String keyId, X500Name subject) {
        Objects.requireNonNull(subject, "subject");
        return crypto.certificationRequest(ring().get(keyId), subject);
    }

    SigningKey signingKey(String keyId) {
        return new TokenSigningKey(keyId, ring().get(keyId).info().algorithm());
    }

    PrivateKey tlsKey(String keyId) {
        LoadedKey key = ring().get(keyId);
        if (key.info().role() != KeyRole.AUTH) {
            throw ZholException.client(ErrorCode.WRONG_CERT_USAGE,
                    "Key " + keyId + " is a " + key.info().role() + " key; only AUTH keys serve TLS");
        }
        return key.privateKey();
    }

    byte[] signDigest(String keyId, byte[] digest) {
        LoadedKey key = ring().get(keyId);
        return crypto.signDigest(key.privateKey(), key.info().algorithm(), digest);
    }

    /** A key that looks itself up at each signature, so that locking the token stops it. */
    private final class TokenSigningKey implements SigningKey {
        private final String keyId;
        private final SignatureAlgorithm algorithm;

        TokenSigningKey(String keyId, SignatureAlgorithm algorithm) {
            this.keyId = keyId;
            this.algorithm = algorithm;
        }

        @Override
        public SignatureAlgorithm algorithm() {
            return algorithm;
        }

        @Override
        public byte[] sign(byte[] toBeSigned) {
            return crypto.sign(ring().get(keyId).privateKey(), algorithm, toBeSigned);
        }

        @Override
        public String toString() {
            return "TokenSigningKey[" + tokenId + "/" + keyId + ", " + algorithm + "]";
        }
    }
}
