// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.zhol.protocol.cert.CertificateProfile;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * The checks before a certificate joins a key: it parses, a key of the token has its public key, its
 * usages fit the key's role, and a sign certificate names the key's member.
 *
 * <p><b>Pitfalls:</b> chain, validity and revocation are not checked here: the CA may not be approved
 * yet when the certificate is imported. They are checked when the certificate is used.
 */
final class CertificateImport {

    /** Limit: the largest certificate accepted for import. */
    static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    private final CertificateProfile profile;

    CertificateImport(CertificateProfile profile) {
        this.profile = profile;
    }

    static X509Certificate parse(byte[] der) {
        if (der == null || der.length == 0 || der.length > MAX_CERTIFICATE_BYTES) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "A certificate must be 1 to " + MAX_CERTIFICATE_BYTES + " bytes of DER");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE),
                    Origin.CLIENT, "The certificate cannot be parsed", e);
        }
    }

    /** The key of {@code ring} that {@code certificate} is for, after the role and member checks. */
    LoadedKey check(KeyRing ring, X509Certificate certificate) {
        LoadedKey key = ring.withPublicKey(certificate.getPublicKey()).orElseThrow(() -> ZholException.client(
                ErrorCode.KEY_NOT_FOUND, "No key on this token has the certificate's public key"));
        KeyInfo info = key.info();
        info.role().certificateRole().check(certificate);
        if (info.role() == KeyRole.SIGN) {
            MemberId expected = info.member().orElseThrow();
            MemberId actual = profile.memberId(certificate, expected.instance());
            if (!actual.equals(expected)) {
                throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                        "The sign certificate belongs to " + actual + ", but the key to " + expected);
            }
        }
        return key;
    }
}
