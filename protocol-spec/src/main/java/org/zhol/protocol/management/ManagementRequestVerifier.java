// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.verify.TrustedSigners;

/**
 * Verifies a management request envelope on the central server. Steps, in order; the first failure is
 * thrown:
 * <ol>
 *   <li>decode the envelope within {@link ManagementLimits} ({@code InvalidRequest});</li>
 *   <li>refuse a role that appears twice ({@code InvalidRequest});</li>
 *   <li>verify every CMS over the exact received request bytes with {@link CadesVerifier}
 *       ({@code MalformedSignature}, {@code InvalidSignatureValue}, {@code SignatureVerification},
 *       {@code CertValidation});</li>
 *   <li>only then parse the request, strictly and canonically ({@link ManagementRequestCodec#decode});</li>
 *   <li>the server is in {@code instance} ({@code InvalidSecurityServer}); the creation time is within
 *       {@link ManagementLimits#maxAge()} before {@code at} and at most
 *       {@link ManagementLimits#MAX_CLOCK_SKEW} after it ({@code InvalidRequest});</li>
 *   <li>the roles present are exactly {@link ManagementRequest#requiredSignatures()}: a missing one is
 *       {@code MissingSignature}, an extra one {@code InvalidRequest};</li>
 *   <li>per role, in {@link SignatureRole} order: {@link SignatureRole#OWNER} and
 *       {@link SignatureRole#CLIENT} signers pass {@link TrustedSigners#check} (chain, signing usage,
 *       embedded fresh GOOD OCSP) and map to the server's owner, respectively the client's member
 *       ({@code IncorrectCertificate} otherwise); the {@link SignatureRole#AUTH_KEY_POSSESSION} signer
 *       is the registered certificate, chains to an approved CA, has the authentication usages and an
 *       embedded fresh GOOD OCSP response.</li>
 * </ol>
 * Trust is judged at {@code at}, the verifier's time of receipt, not at the claimed signing time.
 *
 * <p><b>Limits:</b> those of {@link ManagementLimits} and {@link CadesVerifier#MAX_SIGNATURE_BYTES}.
 *
 * <p><b>Pitfalls:</b> replay within {@link ManagementLimits#maxAge()} is not detected here: the central
 * server must refuse a request id it has already seen. Build one verifier per configuration version;
 * it keeps the anchors it was given.
 */
public final class ManagementRequestVerifier {

    private final TrustedSigners signers;
    private final AuthKeyPossession authKeys;
    private final ManagementLimits limits;
    private final CadesVerifier cades;

    /** A verifier with {@link ManagementLimits#DEFAULT} and a new {@link CadesVerifier}. */
    public ManagementRequestVerifier(TrustAnchors anchors, CertificateProfiles profiles) {
        this(anchors, profiles, ManagementLimits.DEFAULT, new CadesVerifier());
    }

    public ManagementRequestVerifier(TrustAnchors anchors, CertificateProfiles profiles, ManagementLimits limits,
            CadesVerifier cades) {
        this.signers = new TrustedSigners(anchors, profiles);
        this.authKeys = new AuthKeyPossession(signers);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cades = Objects.requireNonNull(cades, "cades");
    }

    /**
     * Verifies {@code envelope} for the X-Road instance {@code instance} at {@code at}.
     *
     * @return the request and its verified signers
     * @throws ZholException with the code of the first failed step (see the class documentation and
     *                       {@code protocol-spec/docs/management.md})
     */
    public VerifiedManagementRequest verify(byte[] envelope, String instance, Instant at) {
        SignedManagementRequest signed = ManagementEnvelopeCodec.decode(envelope, limits);
        byte[] bytes = signed.requestBytes();
        Map<SignatureRole, VerifiedCms> cms = verifySignatures(signed.signatures(), bytes);
        ManagementRequest request = ManagementRequestCodec.decode(bytes, limits);
        checkContext(request, instance, at);
        checkRoles(request.requiredSignatures(), cms.keySet());
        List<VerifiedSigner> verified = new ArrayList<>();
        for (Map.Entry<SignatureRole, VerifiedCms> entry : cms.entrySet()) {
            verified.add(trust(entry.getKey(), entry.getValue(), request, instance, at));
        }
        return new VerifiedManagementRequest(request, bytes, verified);
    }

    private Map<SignatureRole, VerifiedCms> verifySignatures(List<ManagementSignature> signatures, byte[] bytes) {
        Map<SignatureRole, ManagementSignature> byRole = new EnumMap<>(SignatureRole.class);
        for (ManagementSignature signature : signatures) {
            if (byRole.put(signature.role(), signature) != null) {
                throw ZholException.client(ErrorCode.INVALID_REQUEST,
                        "The envelope has more than one " + signature.role() + " signature");
            }
        }
        Map<SignatureRole, VerifiedCms> verified = new EnumMap<>(SignatureRole.class);
        byRole.forEach((role, signature) -> verified.put(role, cades.verify(signature.cms(), bytes)));
        return verified;
    }

    private void checkContext(ManagementRequest request, String instance, Instant at) {
        if (!request.server().instance().equals(instance)) {
            throw ZholException.client(ErrorCode.INVALID_SECURITY_SERVER, "The server " + request.server()
                    + " is not in this instance '" + Faults.excerpt(instance) + "'");
        }
        if (request.createdAt().isAfter(at.plus(ManagementLimits.MAX_CLOCK_SKEW))) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST,
                    "The request was created in the future (" + request.createdAt() + ")");
        }
        if (request.createdAt().isBefore(at.minus(limits.maxAge()))) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST,
                    "The request is older than " + limits.maxAge() + " (" + request.createdAt() + ")");
        }
    }

    private static void checkRoles(Set<SignatureRole> required, Set<SignatureRole> present) {
        for (SignatureRole role : SignatureRole.values()) {
            if (required.contains(role) && !present.contains(role)) {
                throw ZholException.client(ErrorCode.MISSING_SIGNATURE, "The request needs its " + role + " signature");
            }
            if (!required.contains(role) && present.contains(role)) {
                throw ZholException.client(ErrorCode.INVALID_REQUEST,
                        "This request type takes no " + role + " signature");
            }
        }
    }

    private VerifiedSigner trust(SignatureRole role, VerifiedCms cms, ManagementRequest request, String instance,
            Instant at) {
        return switch (role) {
            case OWNER -> member(role, cms, request.server().owner(), instance, at);
            case CLIENT -> member(role, cms, ((ClientRegistration) request).client().member(), instance, at);
            case AUTH_KEY_POSSESSION -> {
                authKeys.check(cms, (AuthCertRegistration) request, at);
                yield new VerifiedSigner(role, cms.signer(), Optional.empty(), cms.signingTime());
            }
        };
    }

    private VerifiedSigner member(SignatureRole role, VerifiedCms cms, MemberId expected, String instance,
            Instant at) {
        signers.check(cms.signer(), cms.certificates(), cms.ocspResponses(), at);
        MemberId actual = signers.memberOf(cms.signer(), instance);
        if (!actual.equals(expected)) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "The " + role + " signature is by "
                    + actual + ", not by " + expected);
        }
        return new VerifiedSigner(role, cms.signer(), Optional.of(actual), cms.signingTime());
    }
}
