// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.id.MemberId;

/**
 * The security server's keys: list them, generate one, make a CSR, import a certificate, sign.
 * A {@link Token} implements it; the rest of the server sees only this interface.
 *
 * <p>Every method throws {@code ZholException} {@code TokenNotActive} while the token is locked
 * (not opened, or after a wrong PIN), and {@code KeyNotFound} for an unknown key id.
 *
 * <p><b>Pitfalls:</b> {@link #signingKey} signs <em>data</em>, {@link #signDigest} a SHA-256
 * <em>digest</em>. CMS/CAdES via BouncyCastle ({@code CadesSigner}) hands the key the DER signed
 * attributes, so it needs {@link #signingKey}; a remote caller that has only a digest uses
 * {@link #signDigest}. Both give the same signature bytes for the same input (RSA is deterministic;
 * ECDSA is randomised but verifies alike).
 */
public interface Signer {

    /** Every key of the token, in generation order. */
    List<KeyInfo> keys();

    /**
     * Generates a key on the token, with the token's {@link KeyAlgorithm}.
     *
     * @param member the member a {@link KeyRole#SIGN} key signs for; must be empty for {@link KeyRole#AUTH}
     * @param label  a human-readable label (may be empty)
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} when the member does not fit the role
     */
    KeyInfo generateKey(KeyRole role, Optional<MemberId> member, String label);

    /**
     * A PKCS#10 certification request for {@code subject} and the key's public key, signed by the key.
     *
     * @return the DER {@code CertificationRequest}
     */
    byte[] certificationRequest(String keyId, X500Name subject);

    /**
     * Imports a certificate (DER) for the key with the same public key, replacing the key's previous
     * certificate.
     *
     * @throws org.zhol.protocol.error.ZholException {@code IncorrectCertificate} when it cannot be
     *         parsed or a sign certificate names another member; {@code KeyNotFound} when no key has its
     *         public key; {@code WrongCertUsage} when its key usages do not fit the key's role;
     *         {@code CannotGetMemberIdFromCertificate} when a sign certificate names no member
     */
    KeyInfo importCertificate(byte[] der);

    /**
     * The key as a one-verb {@link SigningKey} that signs data (SHA-256 inside). The token is consulted
     * on every {@code sign}, so locking the token stops the key too.
     */
    SigningKey signingKey(String keyId);

    /**
     * The private key of an {@link KeyRole#AUTH} key, for the TLS stack between security servers: JSSE
     * needs the key object itself (a PKCS#11 key stays a handle on its token). Only the transport's key
     * manager should call this; everything else signs through {@link #signingKey}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code WrongCertUsage} for a {@link KeyRole#SIGN} key
     */
    PrivateKey tlsKey(String keyId);

    /**
     * Signs a SHA-256 digest: raw ECDSA over the digest ({@code NONEwithECDSA}, DER signature), or
     * RSA PKCS#1 v1.5 over the {@code DigestInfo} of the digest.
     *
     * @throws org.zhol.protocol.error.ZholException {@code CannotSign} when the digest is not 32 bytes
     *         or the token fails
     */
    byte[] signDigest(String keyId, byte[] digest);
}
