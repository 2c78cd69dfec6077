// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Signs management requests on the sending (security server) side: encodes the request canonically and
 * makes one CAdES signature ({@link CadesSigner}) per role the request needs
 * ({@link ManagementRequest#requiredSignatures()}), each with the credentials and OCSP responses given
 * for that role.
 *
 * <pre>{@code
 * SignedManagementRequest signed = ManagementRequestSigner.builder()
 *         .owner(ownerSigningCredentials, List.of(ownerOcsp))
 *         .authKey(newAuthCredentials, List.of(authOcsp))
 *         .build()
 *         .sign(AuthCertRegistration.create(server, "ss1.example.org", authCertDer, now), now);
 * }</pre>
 *
 * <p><b>Pitfalls:</b> credentials for a role the request does not need are ignored; a missing one fails.
 * The verifier requires an OCSP response for every signer, the new authentication certificate's
 * included: fetch one before registering it.
 */
public final class ManagementRequestSigner {

    private record RoleKey(SigningCredentials credentials, List<byte[]> ocsp) {
        RoleKey {
            Objects.requireNonNull(credentials, "credentials");
            ocsp = ocsp.stream().map(byte[]::clone).toList();
        }
    }

    private final Map<SignatureRole, RoleKey> keys;

    private ManagementRequestSigner(Map<SignatureRole, RoleKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A builder with no credentials yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs {@code request}.
     *
     * @param request     the request
     * @param signingTime the signing time to claim in every signature
     * @throws ZholException {@code CannotCreateSignature} when credentials for a required role are missing,
     *                       or the auth-key credentials are not for the certificate being registered; what
     *                       {@link CadesSigner#sign} throws
     */
    public SignedManagementRequest sign(ManagementRequest request, Instant signingTime) {
        byte[] bytes = ManagementRequestCodec.encode(request);
        List<ManagementSignature> signatures = new ArrayList<>();
        for (SignatureRole role : SignatureRole.values()) {
            if (!request.requiredSignatures().contains(role)) {
                continue;
            }
            RoleKey key = keys.get(role);
            if (key == null) {
                throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE, "No credentials for the " + role
                        + " signature of " + request.getClass().getSimpleName(), null);
            }
            if (request instanceof AuthCertRegistration registration && role == SignatureRole.AUTH_KEY_POSSESSION) {
                requireSameCertificate(key.credentials(), registration);
            }
            byte[] cms = new CadesSigner(key.credentials()).sign(bytes, signingTime, key.ocsp());
            signatures.add(new ManagementSignature(role, cms));
        }
        return new SignedManagementRequest(bytes, signatures);
    }

    private static void requireSameCertificate(SigningCredentials credentials, AuthCertRegistration registration) {
        try {
            if (!Arrays.equals(credentials.certificate().getEncoded(), registration.authCertificateDer())) {
                throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE,
                        "The auth-key credentials are not for the certificate being registered", null);
            }
        } catch (CertificateEncodingException e) {
            throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE, "The auth certificate cannot be encoded", e);
        }
    }

    /**
     * Collects the credentials per role. Not thread-safe; the signer it builds is immutable.
     */
    public static final class Builder {
        private final Map<SignatureRole, RoleKey> keys = new EnumMap<>(SignatureRole.class);

        private Builder() {
        }

        /** The server owner's signing key, with OCSP responses for its certificate. */
        public Builder owner(SigningCredentials credentials, List<byte[]> ocspResponses) {
            return role(SignatureRole.OWNER, credentials, ocspResponses);
        }

        /** The authentication key being registered, with OCSP responses for its certificate. */
        public Builder authKey(SigningCredentials credentials, List<byte[]> ocspResponses) {
            return role(SignatureRole.AUTH_KEY_POSSESSION, credentials, ocspResponses);
        }

        /** The client member's signing key, with OCSP responses for its certificate. */
        public Builder client(SigningCredentials credentials, List<byte[]> ocspResponses) {
            return role(SignatureRole.CLIENT, credentials, ocspResponses);
        }

        /** Credentials for {@code role}, replacing earlier ones. */
        public Builder role(SignatureRole role, SigningCredentials credentials, List<byte[]> ocspResponses) {
            keys.put(Objects.requireNonNull(role, "role"), new RoleKey(credentials, ocspResponses));
            return this;
        }

        public ManagementRequestSigner build() {
            return new ManagementRequestSigner(keys);
        }
    }
}
