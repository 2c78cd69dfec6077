// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 hash of a certificate's DER encoding, as 64 lower-case hex digits. The configuration
 * registers security servers' authentication certificates by this hash.
 *
 * @param hex the hash, lower-case hex
 */
public record CertificateHash(String hex) {

    public CertificateHash {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw GlobalConfFaults.malformed("A certificate hash must be 64 lower-case hex digits");
        }
    }

    /** The hash of {@code der}, a certificate's encoding. */
    public static CertificateHash of(byte[] der) {
        try {
            return new CertificateHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The hash of {@code certificate}. */
    public static CertificateHash of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
