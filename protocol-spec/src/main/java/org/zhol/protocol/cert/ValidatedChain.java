// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.globalconf.ApprovedCa;

/**
 * A certificate path that {@link CertChainValidator} accepted.
 *
 * @param ca           the approved CA whose top certificate anchors the path
 * @param certificates the path in order: the leaf first, then each issuer, and the CA's top
 *                     certificate last; at least two certificates
 */
public record ValidatedChain(ApprovedCa ca, List<X509Certificate> certificates) {

    public ValidatedChain {
        Objects.requireNonNull(ca, "ca");
        certificates = List.copyOf(certificates);
        if (certificates.size() < 2) {
            throw new IllegalArgumentException("a chain has a leaf and at least its issuer");
        }
    }

    /** The certificate that was validated. */
    public X509Certificate leaf() {
        return certificates.getFirst();
    }

    /** The certificate that issued the leaf: what an OCSP request for the leaf names. */
    public X509Certificate issuer() {
        return certificates.get(1);
    }
}
