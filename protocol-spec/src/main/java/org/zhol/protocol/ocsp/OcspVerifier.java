// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;

/**
 * Verifies OCSP responses against the approved CA of the certificate and the instance's OCSP
 * freshness. Checks run in this order, and the first failure is thrown:
 * <ol>
 *   <li>the responder is authorised for the CA: it is the issuing CA itself, or a responder
 *       certificate that the configuration lists for the CA ({@link OcspResponder#certificate()}), or
 *       a certificate carried in the response that the issuing CA signed, with the
 *       {@code id-kp-OCSPSigning} extended key usage, valid when the response was produced
 *       ({@link OcspFailure#UNAUTHORISED_RESPONDER});</li>
 *   <li>its signature verifies over the received response data ({@link OcspFailure#BAD_SIGNATURE});</li>
 *   <li>the CertID names the certificate: serial number, issuer name hash and key hash
 *       ({@link OcspFailure#OTHER_CERTIFICATE});</li>
 *   <li>only in {@link #verify}: freshness ({@link OcspFailure#NOT_FRESH}), then the status
 *       ({@link OcspFailure#REVOKED}, {@link OcspFailure#UNKNOWN}).</li>
 * </ol>
 *
 * <p><b>Limits:</b> a response dated up to {@link #MAX_CLOCK_SKEW} in the future is accepted, to
 * allow for the responder's clock.
 *
 * <p><b>Pitfalls:</b> the nonce is not checked here: it belongs to one request, so the
 * {@link OcspClient} checks it. A response in a signature is checked at the signing time or the
 * verification time, as the caller chooses through {@code at}.
 */
public final class OcspVerifier {

    /** Limit: how far in the future {@code thisUpdate} may be. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    private final TrustParameters parameters;

    public OcspVerifier(TrustParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Checks that {@code response} is authentic, about {@code target}, fresh at {@code at}, and says
     * "good".
     *
     * @throws ZholException with the code of the first {@link OcspFailure} found
     */
    public void verify(OcspResponse response, OcspTarget target, Instant at) {
        verifyOrigin(response, target);
        verifyAt(response, at);
    }

    /**
     * The time-dependent half of {@link #verify}: the response is fresh at {@code at} and says GOOD. Call
     * it alone only for a response whose {@link #verifyOrigin} already passed for the same target (a
     * verifier may remember that by the response's bytes).
     */
    public void verifyAt(OcspResponse response, Instant at) {
        verifyFreshness(response, at);
        switch (response.status()) {
            case GOOD -> { }
            case REVOKED -> throw OcspFailure.REVOKED.exception("OCSP response says the certificate was revoked at "
                    + response.revocation().map(r -> r.time().toString()).orElse("?"));
            case UNKNOWN -> throw OcspFailure.UNKNOWN.exception("OCSP responder does not know the certificate");
            default -> throw new IllegalStateException(response.status().name());
        }
    }

    /**
     * The time-independent half of {@link #verify}: who signed the response, its signature and its subject.
     *
     * <p>The outcome is a pure function of the response's bytes, the target certificate, its issuer and the
     * CA's listed responder certificates, so a pass is remembered ({@link VerifiedOrigins}) and the same
     * response met again (every exchange staples the same one until it is refreshed) is not verified again.
     * Failures are never remembered.
     */
    public void verifyOrigin(OcspResponse response, OcspTarget target) {
        byte[] key = VerifiedOrigins.key(response, target);
        if (VerifiedOrigins.SHARED.contains(key)) {
            return;
        }
        BasicOCSPResp basic = OcspResponse.basic(response.der());
        X509Certificate responder = responder(basic, target);
        verifySignature(basic, responder.getPublicKey());
        verifyCertId(basic.getResponses()[0], target);
        VerifiedOrigins.SHARED.add(key);
    }

    private void verifyFreshness(OcspResponse response, Instant at) {
        if (response.thisUpdate().isAfter(at.plus(MAX_CLOCK_SKEW))) {
            throw OcspFailure.NOT_FRESH.exception("OCSP response thisUpdate " + response.thisUpdate()
                    + " is in the future at " + at);
        }
        if (!response.thisUpdate().plus(parameters.ocspFreshness()).isAfter(at)) {
            throw OcspFailure.NOT_FRESH.exception("OCSP response is too old (thisUpdate: " + response.thisUpdate()
                    + ") at " + at);
        }
        if (response.nextUpdate().isPresent() && at.isAfter(response.nextUpdate().get())) {
            throw OcspFailure.NOT_FRESH.exception("OCSP response is past its nextUpdate "
                    + response.nextUpdate().get() + " at " + at);
        }
    }

    private static X509Certificate responder(BasicOCSPResp basic, OcspTarget target) {
        RespID id;
        X509CertificateHolder[] carried;
        try {
            id = basic.getResponderId();
            carried = basic.getCerts();
        } catch (RuntimeException e) {
            // BouncyCastle parses the responder id and the carried certificates lazily, only now.
            throw OcspFailure.MALFORMED.exception("OCSP response has a malformed responder id or certificate", e);
        }
        for (OcspResponder listed : target.ca().ocspResponders()) {
            if (listed.certificate().isPresent() && names(id, listed.certificate().get())) {
                return listed.certificate().get();
            }
        }
        if (names(id, target.issuer())) {
            return target.issuer();
        }
        for (X509CertificateHolder holder : carried) {
            X509Certificate candidate = toX509(holder);
            if (names(id, candidate) && delegatedBy(candidate, target.issuer(), basic.getProducedAt())) {
                return candidate;
            }
        }
        throw OcspFailure.UNAUTHORISED_RESPONDER.exception("OCSP response is signed by a responder that is not"
                + " authorised for CA '" + target.ca().name() + "'");
    }

    private static boolean names(RespID id, X509Certificate certificate) {
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
            if (id.equals(new RespID(X500Name.getInstance(holder.getSubject())))) {
                return true;
            }
            return id.equals(new RespID(holder.getSubjectPublicKeyInfo(),
                    digests().get(CertificateID.HASH_SHA1)));
        } catch (CertificateException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.ocsp.OCSPException e) {
            return false;
        }
    }

    private static boolean delegatedBy(X509Certificate responder, X509Certificate issuer, Date producedAt) {
        try {
            responder.verify(issuer.getPublicKey());
            responder.checkValidity(producedAt);
            List<String> usages = responder.getExtendedKeyUsage();
            return responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    && usages != null && usages.contains(KeyPurposeId.id_kp_OCSPSigning.getId());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void verifySignature(BasicOCSPResp basic, PublicKey key) {
        boolean valid;
        try {
            valid = basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            throw OcspFailure.BAD_SIGNATURE.exception("OCSP response signature cannot be verified", e);
        }
        if (!valid) {
            throw OcspFailure.BAD_SIGNATURE.exception("OCSP response signature is not valid");
        }
    }

    private static void verifyCertId(SingleResp single, OcspTarget target) {
        boolean matches;
        try {
            CertificateID id = single.getCertID();
            matches = id.getSerialNumber().equals(target.certificate().getSerialNumber())
                    && id.matchesIssuer(new JcaX509CertificateHolder(target.issuer()), digests());
        } catch (Exception e) {
            matches = false;
        }
        if (!matches) {
            throw OcspFailure.OTHER_CERTIFICATE.exception("OCSP response does not apply to the certificate (serial "
                    + target.certificate().getSerialNumber() + ")");
        }
    }

    private static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw OcspFailure.MALFORMED.exception("OCSP response carries a certificate that cannot be read", e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw ZholException.internal(org.zhol.protocol.error.ErrorCode.INTERNAL_ERROR, "No digests", e);
        }
    }
}
