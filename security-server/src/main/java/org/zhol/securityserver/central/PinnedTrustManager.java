// SPDX-License-Identifier: MIT
package org.zhol.securityserver.central;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * Trusts exactly one server certificate, named by its SHA-256, and nothing else: the central server's
 * self-signed registration certificate. The certificate must also be within its validity period.
 *
 * <p><b>Pitfalls:</b> the host name is deliberately not checked, since the pin is stronger than a name
 * and the listener may be reached by any address. Being an {@link X509ExtendedTrustManager}, this class
 * keeps JSSE from adding its own name check.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

    private final CertificateHash pin;

    PinnedTrustManager(CertificateHash pin) {
        this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The central server presented no certificate");
        }
        CertificateHash presented = CertificateHash.of(chain[0]);
        if (!presented.equals(pin)) {
            throw new CertificateException("The central server's TLS certificate (SHA-256 " + presented.hex()
                    + ") is not the pinned one (" + pin.hex() + ")");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
