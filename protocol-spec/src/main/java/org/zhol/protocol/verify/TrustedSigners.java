// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.cert.ValidatedChain;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.SignerCertificateCheck;
import org.zhol.protocol.manifest.SigningCertificateProfile;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * The message signers that a configuration trusts. A signer is trusted at a moment when its
 * certificate chains to an approved CA, has the signing key usage, and one of the OCSP responses that
 * came with the signature is a fresh, authorised GOOD answer for it. Its member is what the issuing
 * CA's certificate profile says.
 *
 * <p><b>Pitfalls:</b> the OCSP responses in a signature are not covered by it. {@link OcspResponse#decode}
 * accepts only canonical DER, so that BouncyCastle's lenient parser cannot turn an altered response back
 * into the signed form before its signature is checked.
 */
public final class TrustedSigners implements SignerCertificateCheck, SigningCertificateProfile {

    private final List<ApprovedCa> cas;
    private final OcspVerifier ocsp;
    private final CertificateProfiles profiles;

    public TrustedSigners(TrustAnchors anchors, CertificateProfiles profiles) {
        this.cas = List.copyOf(anchors.approvedCas());
        this.ocsp = new OcspVerifier(anchors.trustParameters());
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    @Override
    public void check(X509Certificate signer, List<X509Certificate> embeddedCertificates,
            List<byte[]> embeddedOcspResponses, Instant at) {
        checkCertificate(signer, CertificateRole.SIGNING, embeddedCertificates, embeddedOcspResponses, at);
    }

    /**
     * Checks that {@code certificate} is trusted for {@code role} at {@code at}: it chains to an approved
     * CA (with the help of {@code embeddedCertificates}), has the role's key usage, and one of
     * {@code embeddedOcspResponses} is a fresh, authorised GOOD answer for it.
     *
     * @throws ZholException {@code CannotCreateCertPath}, {@code InvalidCertPath}, {@code WrongCertUsage},
     *                       {@code MissingValidationInfo}, {@code IncorrectValidationInfo.*} or
     *                       {@code CertValidation}
     */
    public ValidatedChain checkCertificate(X509Certificate certificate, CertificateRole role,
            List<X509Certificate> embeddedCertificates, List<byte[]> embeddedOcspResponses, Instant at) {
        ValidatedChain chain = CertChainValidator.validate(certificate, embeddedCertificates, cas, at);
        role.check(certificate);
        OcspTarget target = OcspTarget.of(chain);
        for (byte[] der : embeddedOcspResponses) {
            OcspResponse response = OcspResponse.decode(der);
            if (response.serialNumber().equals(certificate.getSerialNumber())) {
                ocsp.verify(response, target, at);
                return chain;
            }
        }
        throw new ZholException(FaultCode.of(ErrorCode.MISSING_VALIDATION_INFO), Origin.CLIENT,
                "No OCSP response came with the certificate " + certificate.getSubjectX500Principal().getName(), null);
    }

    @Override
    public MemberId memberOf(X509Certificate certificate, String instance) {
        for (ApprovedCa ca : cas) {
            if (issuedWithin(certificate, ca)) {
                return profiles.memberId(certificate, ca, instance);
            }
        }
        throw new ZholException(FaultCode.of(ErrorCode.CANNOT_CREATE_CERT_PATH), Origin.CLIENT,
                "The signing certificate is not issued by an approved CA", null);
    }

    private static boolean issuedWithin(X509Certificate certificate, ApprovedCa ca) {
        var issuer = certificate.getIssuerX500Principal();
        return ca.topCertificate().getSubjectX500Principal().equals(issuer)
                || ca.intermediates().stream().anyMatch(i -> i.getSubjectX500Principal().equals(issuer));
    }
}
