// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.globalconf.ApprovedTsa;

/**
 * Verifies RFC 3161 replies and tokens against the approved TSAs of the global configuration. Both
 * methods return nothing and throw {@link org.zhol.protocol.error.ZholException} on the first failed
 * check, with code {@code TimestampValidation.<reason>}:
 *
 * <table>
 * <caption>checks, in order</caption>
 * <tr><th>reason</th><th>when</th></tr>
 * <tr><td>InvalidResponse</td><td>the reply's status is not granted, or it has no token</td></tr>
 * <tr><td>InconsistentResponse</td><td>a nonce was sent and the token does not echo it</td></tr>
 * <tr><td>IncorrectCertificate</td><td>the signer id matches no approved TSA certificate, or the embedded
 * certificate is not that one</td></tr>
 * <tr><td>CertNotFound</td><td>the token does not embed the TSA certificate</td></tr>
 * <tr><td>WrongCertUsage</td><td>the certificate lacks a critical extended key usage of exactly
 * timeStamping</td></tr>
 * <tr><td>CertValidation</td><td>genTime is outside the certificate's validity</td></tr>
 * <tr><td>InvalidSignatureValue</td><td>the CMS signature or the ESS signing-certificate id is wrong</td></tr>
 * <tr><td>InvalidReference</td><td>the imprint is not SHA-256, or not the expected digest</td></tr>
 * <tr><td>IncorrectValidationInfo</td><td>a policy is required and the token has another</td></tr>
 * </table>
 * ({@code MalformedSignature} comes from decoding.)
 *
 * <p><b>Pitfalls:</b> the approved TSA certificate is pinned, as X-Road does: no path to a root is built
 * and revocation is not checked here. The token's own clock is trusted; compare {@code genTime} with
 * other times yourself if it matters.
 */
public final class TimestampVerifier {

    private final List<ApprovedTsa> approvedTsas;
    private final Optional<String> requiredPolicy;

    /**
     * @param approvedTsas   the TSAs to trust, in the order a client should try them
     * @param requiredPolicy a TSA policy OID that every token must carry, or empty to accept any
     */
    public TimestampVerifier(List<ApprovedTsa> approvedTsas, Optional<String> requiredPolicy) {
        this.approvedTsas = List.copyOf(approvedTsas);
        this.requiredPolicy = Objects.requireNonNull(requiredPolicy, "requiredPolicy");
    }

    /** The approved TSAs, in order. */
    public List<ApprovedTsa> approvedTsas() {
        return approvedTsas;
    }

    /** Checks that {@code response} grants {@code query} with a trustworthy token. */
    public void verify(TimestampResponse response, TimestampQuery query) {
        if (!response.granted()) {
            throw TspFaults.invalid(ErrorCode.INVALID_RESPONSE, "The TSA did not grant the request: status "
                    + response.status() + " " + response.statusText());
        }
        TimestampToken token = response.token().orElseThrow(() -> TspFaults.invalid(ErrorCode.INVALID_RESPONSE,
                "The TSA granted the request but sent no token"));
        if (query.nonce().isPresent() && !query.nonce().equals(token.nonce())) {
            throw TspFaults.invalid(ErrorCode.INCONSISTENT_RESPONSE, "The token does not echo the request nonce");
        }
        verify(token, query.digest());
    }

    /** Checks that {@code token} was issued by an approved TSA over {@code expectedDigest} (SHA-256). */
    public void verify(TimestampToken token, byte[] expectedDigest) {
        X509Certificate cert = approvedSigner(token);
        checkUsage(cert);
        checkValidityAt(cert, token);
        checkSignature(cert, token);
        checkImprint(token, expectedDigest);
        if (requiredPolicy.isPresent() && !requiredPolicy.get().equals(token.policy())) {
            throw TspFaults.invalid(ErrorCode.INCORRECT_VALIDATION_INFO, "The token has policy " + token.policy()
                    + ", not the required " + requiredPolicy.get());
        }
    }

    private X509Certificate approvedSigner(TimestampToken token) {
        X509Certificate approved = approvedTsas.stream().map(ApprovedTsa::certificate)
                .filter(c -> matchesSigner(token, c)).findFirst()
                .orElseThrow(() -> TspFaults.invalid(ErrorCode.INCORRECT_CERTIFICATE,
                        "The token is not signed by an approved TSA"));
        X509Certificate embedded = token.tsaCertificate().orElseThrow(() -> TspFaults.invalid(
                ErrorCode.CERT_NOT_FOUND, "The token does not embed the TSA certificate"));
        if (!embedded.equals(approved)) {
            throw TspFaults.invalid(ErrorCode.INCORRECT_CERTIFICATE,
                    "The embedded TSA certificate is not the approved one");
        }
        return approved;
    }

    private static boolean matchesSigner(TimestampToken token, X509Certificate cert) {
        try {
            return token.bcToken().getSID().match(new JcaX509CertificateHolder(cert));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static void checkUsage(X509Certificate cert) {
        List<String> uses;
        try {
            uses = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            uses = null;
        }
        boolean critical = cert.getCriticalExtensionOIDs() != null
                && cert.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId());
        if (!critical || uses == null || !uses.equals(List.of(KeyPurposeId.id_kp_timeStamping.getId()))) {
            throw TspFaults.invalid(ErrorCode.WRONG_CERT_USAGE,
                    "The TSA certificate lacks a critical extended key usage of only timeStamping");
        }
    }

    private static void checkValidityAt(X509Certificate cert, TimestampToken token) {
        try {
            cert.checkValidity(Date.from(token.genTime()));
        } catch (CertificateException e) {
            throw TspFaults.invalid(ErrorCode.CERT_VALIDATION,
                    "The TSA certificate was not valid at genTime " + token.genTime(), e);
        }
    }

    private static void checkSignature(X509Certificate cert, TimestampToken token) {
        try {
            token.bcToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (TSPException | OperatorCreationException | IllegalArgumentException
                | org.bouncycastle.operator.RuntimeOperatorException e) {
            // RuntimeOperatorException: the signature value is not even a valid encoding (e.g. a broken ECDSA
            // SEQUENCE); the JCA reports that unchecked through BouncyCastle.
            throw TspFaults.invalid(ErrorCode.INVALID_SIGNATURE_VALUE, "The token's signature does not verify", e);
        } catch (RuntimeException e) {
            // BouncyCastle reads the signed attributes (e.g. signing-time) lazily, only here, and reports a
            // malformed one with whatever unchecked exception its parsing hits (IllegalStateException,
            // StringIndexOutOfBoundsException, ...). Nothing but that one BouncyCastle call runs in this try.
            throw TspFaults.malformed("The token's signed attributes are malformed", e);
        }
    }

    private static void checkImprint(TimestampToken token, byte[] expectedDigest) {
        if (!NISTObjectIdentifiers.id_sha256.equals(token.info().getMessageImprintAlgOID())) {
            throw TspFaults.invalid(ErrorCode.INVALID_REFERENCE, "The token's imprint is not SHA-256 but "
                    + token.info().getMessageImprintAlgOID().getId());
        }
        if (!MessageDigest.isEqual(token.imprintDigest(), expectedDigest)) {
            throw TspFaults.invalid(ErrorCode.INVALID_REFERENCE, "The token stamps another digest than expected");
        }
    }
}
