// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.zhol.protocol.cert.ValidatedChain;
import org.zhol.protocol.globalconf.ApprovedCa;

/**
 * The certificate whose status is asked, with its issuer and the approved CA it chains to.
 *
 * @param certificate the certificate in question
 * @param issuer      the certificate that issued it (names the CertID and may sign the response)
 * @param ca          the approved CA: its responders and their certificates
 */
public record OcspTarget(X509Certificate certificate, X509Certificate issuer, ApprovedCa ca) {

    public OcspTarget {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(ca, "ca");
    }

    /** The leaf of a validated chain. */
    public static OcspTarget of(ValidatedChain chain) {
        return new OcspTarget(chain.leaf(), chain.issuer(), chain.ca());
    }
}
