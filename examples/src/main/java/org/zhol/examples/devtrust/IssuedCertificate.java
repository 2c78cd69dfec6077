// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.cert.CertificateRole;

/**
 * A certificate that a {@link DevCa} issued, and its revocation if any.
 *
 * @param certificate the certificate
 * @param role        what it was issued for
 * @param revocation  when and why it was revoked, if it was
 */
public record IssuedCertificate(X509Certificate certificate, CertificateRole role, Optional<Revocation> revocation) {

    /**
     * A revocation.
     *
     * @param time   when the certificate was revoked
     * @param reason the RFC 5280 CRLReason code, e.g. 1 for keyCompromise
     */
    public record Revocation(Instant time, int reason) {

        public Revocation {
            Objects.requireNonNull(time, "time");
            if (reason < 0 || reason > 10 || reason == 7) {
                throw new IllegalArgumentException("not a CRLReason: " + reason);
            }
        }
    }

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(revocation, "revocation");
    }

    /** This certificate, revoked. */
    public IssuedCertificate revoked(Revocation newRevocation) {
        return new IssuedCertificate(certificate, role, Optional.of(newRevocation));
    }
}
