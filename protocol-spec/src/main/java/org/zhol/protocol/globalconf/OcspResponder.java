// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCSP responder approved for a CA: its URL and, for a responder that signs with its own key
 * rather than the CA's, its certificate.
 */
public record OcspResponder(URI url, Optional<X509Certificate> certificate) {

    public OcspResponder {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(certificate, "certificate");
    }
}
