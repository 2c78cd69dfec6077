// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a signer certificate is trusted at a moment: it chains to an approved CA, is within
 * its validity, has the signing key usage, and is shown unrevoked by a fresh OCSP response. The
 * implementation lives with certificate path and OCSP checking ({@code cert}, {@code ocsp}); the
 * composition root wires it into {@link MessageSignatureVerifier}.
 *
 * <p><b>Pitfalls:</b> the embedded certificates and OCSP responses come from the peer and are
 * unverified material; the check must build its path to the configuration's trust anchors only. The
 * OCSP responses are not covered by the CMS signature: check each one's signature over the
 * <em>received</em> {@code tbsResponseData} bytes (or require DER round-trips), since BouncyCastle's
 * lenient parsers re-encode some altered fields (e.g. a responder id tag) back to the signed form.
 */
@FunctionalInterface
public interface SignerCertificateCheck {

    /**
     * Checks {@code signer}.
     *
     * @param signer                the certificate that made the signature
     * @param embeddedCertificates  every certificate in the signature, the signer's included
     * @param embeddedOcspResponses the DER {@code OCSPResponse}s in the signature
     * @param at                    the moment at which the certificate must be valid
     * @throws org.zhol.protocol.error.ZholException e.g. {@code CertValidation},
     *                                               {@code CannotCreateCertPath},
     *                                               {@code IncorrectValidationInfo}
     */
    void check(X509Certificate signer, List<X509Certificate> embeddedCertificates,
            List<byte[]> embeddedOcspResponses, Instant at);
}
