// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A time-stamping authority that the instance trusts: its RFC 3161 URL and its signing certificate. */
public record ApprovedTsa(String name, URI url, X509Certificate certificate) {

    public ApprovedTsa {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(certificate, "certificate");
    }
}
