// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The central server's configuration signing key and its certificate. The signature algorithm follows
 * the key: SHA256withECDSA for EC, SHA256withRSA for RSA, Ed25519 for Ed25519.
 *
 * <p><b>Pitfalls:</b> {@link #toString()} never shows the key.
 *
 * @param privateKey  the signing key
 * @param certificate its certificate, which anchors list
 */
public record ConfigurationSigningKey(PrivateKey privateKey, X509Certificate certificate) {

    public ConfigurationSigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The JCA signature algorithm for this key. */
    public String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + privateKey.getAlgorithm());
        };
    }

    @Override
    public String toString() {
        return "ConfigurationSigningKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
