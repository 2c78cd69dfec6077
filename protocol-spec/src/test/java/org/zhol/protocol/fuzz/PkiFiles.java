// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Certificates of the checked-in vectors. */
final class PkiFiles {

    private PkiFiles() {
    }

    /** The PEM or DER certificate {@code vectors/<area>/<name>}. */
    static X509Certificate certificate(String area, String name) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Seeds.vector(area, name)));
        } catch (CertificateException e) {
            throw new IllegalStateException("vector " + area + "/" + name + " is not a certificate", e);
        }
    }
}
