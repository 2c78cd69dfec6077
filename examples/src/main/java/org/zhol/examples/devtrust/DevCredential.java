// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A private key with its certificate. {@link #toString()} never shows the key. */
public record DevCredential(X509Certificate certificate, PrivateKey privateKey) {

    public DevCredential {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    @Override
    public String toString() {
        return "DevCredential[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
