// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * A signing key with its certificate and the chain certificates to embed next to it.
 *
 * <p><b>Pitfalls:</b> the record does not prove that the key belongs to the certificate, only that their
 * algorithms agree; a mismatched key makes signatures that fail verification.
 *
 * @param key         the key that signs
 * @param certificate the signing certificate, embedded and referenced by signing-certificate-v2
 * @param chain       intermediate CA certificates to embed, leaf side first; may be empty
 */
public record SigningCredentials(SigningKey key, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningCredentials {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (SignatureAlgorithm.forKey(certificate.getPublicKey()) != key.algorithm()) {
            throw ZholException.internal(ErrorCode.INCORRECT_CERTIFICATE,
                    "The signing key's algorithm does not match its certificate", null);
        }
    }
}
