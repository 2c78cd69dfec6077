// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** This server's TLS identity towards other security servers: its registered authentication key. */
public interface AuthIdentity {

    /** The authentication key (a software or a PKCS#11 key usable by JSSE). */
    PrivateKey privateKey();

    /** The authentication certificate first, then its chain up to (not including) the root when known. */
    List<X509Certificate> chain();

    /**
     * The cached OCSP response (DER) for the authentication certificate, sent in HELLO.
     *
     * @throws org.zhol.protocol.error.ZholException when there is no fresh one: the certificate may not be used
     */
    byte[] ocspResponse();
}
