// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.cert.ValidatedChain;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * The trust check of an {@link SignatureRole#AUTH_KEY_POSSESSION} signature: its signer is the
 * certificate being registered, which chains to an approved CA, has the authentication key usages and
 * a fresh GOOD OCSP response embedded in the same CMS.
 *
 * <p>Deviation: {@code org.zhol.protocol.verify.TrustedSigners} does the same for signing certificates
 * but requires the signing usage, so its OCSP step (with the canonical-DER rule) is repeated here.
 */
final class AuthKeyPossession {

    private final List<ApprovedCa> cas;
    private final OcspVerifier ocsp;

    AuthKeyPossession(TrustAnchors anchors) {
        this.cas = List.copyOf(anchors.approvedCas());
        this.ocsp = new OcspVerifier(anchors.trustParameters());
    }

    /** Checks the proof-of-possession signature {@code cms} of {@code request} at {@code at}. */
    void check(VerifiedCms cms, AuthCertRegistration request, Instant at) {
        X509Certificate signer = cms.signer();
        if (!Arrays.equals(encoded(signer), request.authCertificateDer())) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "The proof of possession is not signed by the certificate being registered");
        }
        ValidatedChain chain = CertChainValidator.validate(signer, cms.certificates(), cas, at);
        CertificateRole.AUTHENTICATION.check(signer);
        OcspTarget target = OcspTarget.of(chain);
        for (byte[] der : cms.ocspResponses()) {
            OcspResponse response = decode(requireCanonical(der));
            if (response.serialNumber().equals(signer.getSerialNumber())) {
                ocsp.verify(response, target, at);
                return;
            }
        }
        throw ZholException.client(ErrorCode.MISSING_VALIDATION_INFO,
                "The proof of possession carries no OCSP response for the authentication certificate");
    }

    /**
     * Fails with {@code IncorrectValidationInfo.InvalidResponse} when an embedded OCSP response makes
     * {@link OcspResponse#decode} throw anything but a {@link ZholException}; other verdicts are left to
     * the real check.
     */
    static void requireDecodable(List<byte[]> ocspResponses) {
        for (byte[] der : ocspResponses) {
            try {
                OcspResponse.decode(der);
            } catch (ZholException e) {
                // the real check reports it, in its own order
            } catch (RuntimeException e) {
                throw undecodable(e);
            }
        }
    }

    // Deviation: OcspResponse.decode parses nextUpdate and the revocation time lazily, outside its own
    // try block, so a malformed GeneralizedTime escapes as IllegalStateException (found by
    // ManagementPropertiesTest). Contained here until the ocsp package fixes it.
    private static OcspResponse decode(byte[] der) {
        try {
            return OcspResponse.decode(der);
        } catch (ZholException e) {
            throw e;
        } catch (RuntimeException e) {
            throw undecodable(e);
        }
    }

    private static ZholException undecodable(RuntimeException cause) {
        return new ZholException(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO, ErrorCode.INVALID_RESPONSE),
                Origin.CLIENT, "An embedded OCSP response cannot be decoded", cause);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE), Origin.CLIENT,
                    "The proof-of-possession certificate cannot be encoded", e);
        }
    }

    private static byte[] requireCanonical(byte[] der) {
        try {
            if (Arrays.equals(ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER), der)) {
                return der;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the refusal below
        }
        throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_VALIDATION_INFO).append(ErrorCode.INVALID_RESPONSE),
                Origin.CLIENT, "An OCSP response in the proof of possession is not canonical DER", null);
    }
}
