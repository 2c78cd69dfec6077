// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.verify.TrustedSigners;

/**
 * The trust check of an {@link SignatureRole#AUTH_KEY_POSSESSION} signature: its signer is the
 * certificate being registered, which chains to an approved CA, has the authentication key usages and
 * a fresh GOOD OCSP response embedded in the same CMS.
 */
final class AuthKeyPossession {

    private final TrustedSigners signers;

    AuthKeyPossession(TrustedSigners signers) {
        this.signers = signers;
    }

    /** Checks the proof-of-possession signature {@code cms} of {@code request} at {@code at}. */
    void check(VerifiedCms cms, AuthCertRegistration request, Instant at) {
        X509Certificate signer = cms.signer();
        if (!Arrays.equals(encoded(signer), request.authCertificateDer())) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "The proof of possession is not signed by the certificate being registered");
        }
        signers.checkCertificate(signer, CertificateRole.AUTHENTICATION, cms.certificates(), cms.ocspResponses(), at);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE), Origin.CLIENT,
                    "The proof-of-possession certificate cannot be encoded", e);
        }
    }
}
