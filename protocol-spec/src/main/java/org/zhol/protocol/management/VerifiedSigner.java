// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.MemberId;

/**
 * A signer of a management request after {@link ManagementRequestVerifier} checked it.
 *
 * @param role        the role it signed in
 * @param certificate its certificate (for {@link SignatureRole#AUTH_KEY_POSSESSION}, the registered
 *                    authentication certificate)
 * @param member      the member its certificate maps to, by the issuing CA's profile; empty for
 *                    {@link SignatureRole#AUTH_KEY_POSSESSION}, whose certificate names a server
 * @param signingTime the signing time it claims (signed, but the signer's own clock)
 */
public record VerifiedSigner(SignatureRole role, X509Certificate certificate, Optional<MemberId> member,
        Instant signingTime) {

    public VerifiedSigner {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(signingTime, "signingTime");
    }
}
