// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * What a token says about one key: never the private key itself.
 *
 * @param keyId        the token-wide id of the key (lower-case hex), used to sign and to make CSRs
 * @param role         {@link KeyRole#AUTH} or {@link KeyRole#SIGN}
 * @param member       the member a {@link KeyRole#SIGN} key signs for; empty for an AUTH key
 * @param label        a human-readable label, as given at generation; may be empty
 * @param algorithm    the signature algorithm bound to the key
 * @param publicKey    the public key
 * @param certificates the imported certificates of the key: empty until one is imported, then the
 *                     current one (an import replaces it)
 * @param tokenId      the id of the token that holds the key
 */
public record KeyInfo(String keyId, KeyRole role, Optional<MemberId> member, String label,
        SignatureAlgorithm algorithm, PublicKey publicKey, List<X509Certificate> certificates, String tokenId) {

    public KeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(tokenId, "tokenId");
        checkMember(role, member);
    }

    /**
     * Checks that a SIGN key names a member and an AUTH key none.
     *
     * @throws ZholException {@link ErrorCode#BAD_REQUEST} otherwise
     */
    static void checkMember(KeyRole role, Optional<MemberId> member) {
        if (role == KeyRole.SIGN && member.isEmpty()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A sign key must be bound to a member");
        }
        if (role == KeyRole.AUTH && member.isPresent()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "An auth key belongs to the server, not to a member");
        }
    }

    /** This key with {@code certificate} as its only certificate. */
    KeyInfo withCertificate(X509Certificate certificate) {
        return new KeyInfo(keyId, role, member, label, algorithm, publicKey, List.of(certificate), tokenId);
    }
}
