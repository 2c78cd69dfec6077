// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certification authority that the instance trusts for authentication and signing certificates.
 *
 * @param name               a display name, unique within the configuration
 * @param topCertificate     the trust anchor: a self-signed root, or the topmost approved certificate
 * @param intermediates      intermediate CA certificates that may appear between the anchor and a
 *                           leaf, in any order
 * @param ocspResponders     where to ask for revocation status, in order of preference
 * @param certificateProfile the id of the profile that maps this CA's certificates to members
 */
public record ApprovedCa(String name, X509Certificate topCertificate, List<X509Certificate> intermediates,
        List<OcspResponder> ocspResponders, String certificateProfile) {

    public ApprovedCa {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topCertificate, "topCertificate");
        intermediates = List.copyOf(intermediates);
        ocspResponders = List.copyOf(ocspResponders);
        Objects.requireNonNull(certificateProfile, "certificateProfile");
    }
}
