// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.ManagementRequest;
import org.zhol.protocol.management.ManagementRequestSigner;
import org.zhol.protocol.management.SignedManagementRequest;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * Signs a management request with the keys on this server's token, each signature with a fresh OCSP
 * response of its certificate embedded (protocol spec {@code management.md} §4): the owner member's
 * signing key always; for an {@code authCertReg} the key of the certificate being registered (proof of
 * possession); for a {@code clientReg} of another member's client, that member's signing key too.
 *
 * <p>Which keys sign follows from the request alone. A member's signing key is one of its SIGN keys with
 * an imported certificate, preferring one whose OCSP response is fresh now.
 */
public final class RequestSigning {

    private final Signer signer;
    private final FreshOcsp ocsp;

    /**
     * @param signer the token
     * @param ocsp   the OCSP responses of its certificates
     */
    public RequestSigning(Signer signer, FreshOcsp ocsp) {
        this.signer = signer;
        this.ocsp = ocsp;
    }

    /**
     * Signs {@code request} at {@code now}.
     *
     * @throws ZholException {@code CannotCreateSignature} when a key is missing (naming the member or the
     *                       certificate), {@code MissingValidationInfo} when no fresh OCSP response arrives,
     *                       {@code TokenNotActive} when the token is locked
     */
    public SignedManagementRequest sign(ManagementRequest request, Instant now) {
        ManagementRequestSigner.Builder builder = ManagementRequestSigner.builder();
        List<KeyInfo> keys = signer.keys();
        MemberId owner = request.server().owner();
        KeyInfo ownerKey = memberKey(keys, owner, "the server owner");
        builder.owner(credentials(ownerKey), List.of(ocsp.require(certificate(ownerKey),
                "the signing certificate of the owner " + owner.toPath())));
        if (request instanceof AuthCertRegistration registration) {
            KeyInfo authKey = authKey(keys, registration.authCertificateDer());
            builder.authKey(credentials(authKey), List.of(ocsp.require(certificate(authKey),
                    "the authentication certificate")));
        }
        if (request instanceof ClientRegistration registration && registration.needsClientSignature()) {
            MemberId member = registration.client().member();
            KeyInfo clientKey = memberKey(keys, member, "the client's member");
            builder.client(credentials(clientKey), List.of(ocsp.require(certificate(clientKey),
                    "the signing certificate of the member " + member.toPath())));
        }
        return builder.build().sign(request, now);
    }

    private KeyInfo memberKey(List<KeyInfo> keys, MemberId member, String role) {
        List<KeyInfo> candidates = keys.stream().filter(k -> k.role() == KeyRole.SIGN
                && k.member().equals(Optional.of(member)) && !k.certificates().isEmpty()).toList();
        if (candidates.isEmpty()) {
            throw ZholException.client(ErrorCode.CANNOT_CREATE_SIGNATURE, "This server's token has no signing key"
                    + " with an imported certificate for " + role + " " + member.toPath()
                    + ": generate a SIGN key for it, have it certified and import the certificate");
        }
        return candidates.stream().filter(k -> ocsp.now(certificate(k)).isPresent()).findFirst()
                .orElse(candidates.getLast());
    }

    private static KeyInfo authKey(List<KeyInfo> keys, byte[] certificateDer) {
        return keys.stream().filter(k -> k.role() == KeyRole.AUTH && !k.certificates().isEmpty()
                && Arrays.equals(der(certificate(k)), certificateDer)).findFirst()
                .orElseThrow(() -> ZholException.client(ErrorCode.CANNOT_CREATE_SIGNATURE,
                        "The authentication certificate to register is not the certificate of an AUTH key on this"
                                + " server's token"));
    }

    private SigningCredentials credentials(KeyInfo key) {
        return new SigningCredentials(signer.signingKey(key.keyId()), certificate(key), List.of());
    }

    private static X509Certificate certificate(KeyInfo key) {
        return key.certificates().getFirst();
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw ZholException.internal(ErrorCode.INCORRECT_CERTIFICATE, "A certificate cannot be encoded", e);
        }
    }
}
