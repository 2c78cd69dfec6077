// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.cert.X509Certificate;
import java.util.List;
import org.zhol.protocol.id.SecurityServerId;

/**
 * The trust decisions about another security server, used by the TLS transport on both sides. Host
 * names are never trusted; only the registered certificate hash, the approved CA and a fresh OCSP response.
 */
public interface PeerAuthenticator {

    /**
     * Accepts the certificate chain a peer presented in the TLS handshake: the leaf's SHA-256 is
     * registered for a security server in the current configuration, and it chains to an approved CA
     * with the authentication key usages.
     *
     * @return the server the leaf is registered for
     * @throws org.zhol.protocol.error.ZholException {@code SslAuthenticationFailed} otherwise, or
     *                                               {@code OutdatedGlobalConf}
     */
    SecurityServerId authenticate(List<X509Certificate> chain);

    /**
     * Accepts the OCSP response (DER) the peer sent for its authentication certificate in its HELLO:
     * GOOD, signed by the CA's responder, and fresh.
     *
     * @throws org.zhol.protocol.error.ZholException {@code SslAuthenticationFailed} or the OCSP code otherwise
     */
    void checkOcsp(List<X509Certificate> chain, byte[] ocspResponse);
}
