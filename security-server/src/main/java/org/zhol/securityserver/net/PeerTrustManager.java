// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * Accepts another security server's certificate chain only through
 * {@link PeerAuthenticator#authenticate}: the registered hash, the approved CA and the authentication
 * key usages. Host names are never checked. A refusal fails the handshake with a TLS alert; the
 * {@link ZholException} is the cause of the {@link CertificateException}.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final PeerAuthenticator authenticator;

    PeerTrustManager(PeerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    /** No CA list in the certificate request: the registered hashes decide, not the issuer. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer presented no certificate");
        }
        try {
            authenticator.authenticate(List.of(chain));
        } catch (ZholException refused) {
            throw new CertificateException(refused.toString(), refused);
        }
    }
}
