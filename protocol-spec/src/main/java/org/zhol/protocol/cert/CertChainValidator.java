// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;

/**
 * Validates a certificate's path to one of a set of approved CAs, at a given time.
 *
 * <p>The path is built first: from the leaf, each next certificate is one whose subject is the
 * current issuer name and whose key verifies the current signature, taken from the CA's
 * intermediates and the certificates the caller supplies (for example those carried in a signature),
 * until the CA's top certificate verifies. The path is then checked with the JDK's PKIX validator
 * (validity at the given time, CA basic constraints, key usage, path length, critical extensions),
 * with revocation checking off: revocation is the OCSP check of {@code org.zhol.protocol.ocsp}.
 *
 * <p><b>Limits:</b> a path has at most {@link #MAX_PATH_LENGTH} certificates below the top one. The
 * builder does not backtrack: when two candidates have the same name and key, the first is taken.
 *
 * <p><b>Pitfalls:</b> approved CAs are tried in the order given, and the first one a path can be built
 * to decides the result, even if its validation fails. The top certificate is trusted as given but
 * must itself be valid at the time. A leaf that is itself an approved top certificate is rejected.
 */
public final class CertChainValidator {

    /** Limit: the most certificates below the top certificate (the leaf and intermediates). */
    public static final int MAX_PATH_LENGTH = 8;

    private CertChainValidator() {
    }

    /**
     * Builds and validates the path from {@code leaf} to an approved CA.
     *
     * @param leaf     the certificate to validate
     * @param supplied further certificates that may be intermediates, in any order; may be empty
     * @param cas      the approved CAs, in order of preference
     * @param at       the time at which every certificate of the path must be valid
     * @return the CA and the ordered path
     * @throws ZholException {@link ErrorCode#CANNOT_CREATE_CERT_PATH} when no path leads to an approved
     *                       CA; {@code InvalidCertPath.CertValidityTime} when a certificate of the path
     *                       is expired or not yet valid; {@link ErrorCode#INVALID_CERT_PATH} for any
     *                       other PKIX failure
     */
    public static ValidatedChain validate(X509Certificate leaf, Collection<X509Certificate> supplied,
            Collection<ApprovedCa> cas, Instant at) {
        for (ApprovedCa ca : cas) {
            if (leaf.equals(ca.topCertificate())) {
                continue;
            }
            List<X509Certificate> pool = new ArrayList<>(ca.intermediates());
            pool.addAll(supplied);
            Optional<List<X509Certificate>> path = buildPath(leaf, pool, ca.topCertificate());
            if (path.isPresent()) {
                checkPath(path.get(), ca.topCertificate(), at);
                List<X509Certificate> chain = new ArrayList<>(path.get());
                chain.add(ca.topCertificate());
                return new ValidatedChain(ca, chain);
            }
        }
        throw ZholException.of(ErrorCode.CANNOT_CREATE_CERT_PATH, Origin.CLIENT, "No path from '"
                + Faults.excerpt(leaf.getSubjectX500Principal().getName()) + "' to an approved CA");
    }

    private static Optional<List<X509Certificate>> buildPath(X509Certificate leaf, List<X509Certificate> pool,
            X509Certificate top) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = leaf;
        path.add(leaf);
        while (path.size() <= MAX_PATH_LENGTH) {
            if (issuedBy(current, top)) {
                return Optional.of(path);
            }
            X509Certificate next = null;
            for (X509Certificate candidate : pool) {
                if (!path.contains(candidate) && !candidate.equals(top) && issuedBy(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return Optional.empty();
            }
            path.add(next);
            current = next;
        }
        return Optional.empty();
    }

    private static boolean issuedBy(X509Certificate child, X509Certificate parent) {
        if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(parent.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void checkPath(List<X509Certificate> path, X509Certificate top, Instant at) {
        try {
            top.checkValidity(Date.from(at));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_CERT_PATH, ErrorCode.CERT_VALIDITY_TIME),
                    Origin.CLIENT, "The approved CA certificate is not valid at " + at, e);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(top, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            boolean time = e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
            FaultCode code = time ? FaultCode.of(ErrorCode.INVALID_CERT_PATH, ErrorCode.CERT_VALIDITY_TIME)
                    : FaultCode.of(ErrorCode.INVALID_CERT_PATH);
            String where = e.getIndex() >= 0 ? " at position " + e.getIndex() : "";
            throw new ZholException(code, Origin.CLIENT, "Certificate path is not valid" + where + ": "
                    + reason(e), e);
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "PKIX validation is not available", e);
        }
    }

    private static String reason(CertPathValidatorException e) {
        if (e.getReason() instanceof PKIXReason pkix) {
            return pkix.name();
        }
        return e.getReason() instanceof Enum<?> basic ? basic.name() : "UNSPECIFIED";
    }
}
