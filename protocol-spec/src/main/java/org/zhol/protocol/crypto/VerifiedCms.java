// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a CMS signature proved after {@link CadesVerifier#verify}: who signed (by certificate only;
 * whether that certificate is trusted is the caller's next step), when they claim to have signed,
 * and the validation material that travelled inside the signature.
 *
 * @param signer          the signing certificate, bound by signing-certificate-v2
 * @param certificates    every certificate embedded in the signature, the signer's included
 * @param ocspResponses   the embedded DER {@code OCSPResponse}s, in order; unverified
 * @param signingTime     the signed signing-time attribute
 */
public record VerifiedCms(X509Certificate signer, List<X509Certificate> certificates, List<byte[]> ocspResponses,
        Instant signingTime) {

    public VerifiedCms {
        Objects.requireNonNull(signer, "signer");
        certificates = List.copyOf(certificates);
        ocspResponses = ocspResponses.stream().map(byte[]::clone).toList();
        Objects.requireNonNull(signingTime, "signingTime");
    }

    /** The embedded OCSP responses; the arrays are copies. */
    @Override
    public List<byte[]> ocspResponses() {
        return ocspResponses.stream().map(byte[]::clone).toList();
    }
}
