// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.cert.X509Certificate;
import org.zhol.protocol.id.MemberId;

/**
 * Maps a signing certificate to the member it was issued to, as the issuing CA's certificate profile
 * says (X-Road's {@code SignCertificateProfileInfo.getSubjectIdentifier}). The implementation lives
 * with the certificate profiles; the composition root wires it into {@link MessageSignatureVerifier}.
 */
@FunctionalInterface
public interface SigningCertificateProfile {

    /**
     * The member that {@code certificate} identifies in {@code instance}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code IncorrectCertificate} when the certificate
     *                                               names no member
     */
    MemberId memberOf(X509Certificate certificate, String instance);
}
