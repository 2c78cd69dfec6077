// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.Socket;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The TLS context of the IS-facing HTTPS listener: the server's internal TLS key ({@link InternalTls}),
 * TLS 1.3 and 1.2 (information systems are not all on 1.3), and an optional client certificate
 * ({@link ClientAuth#OPTIONAL}: asked for, not required).
 *
 * <p>Any client certificate the IS presents is accepted in the handshake and handed to the exchange in
 * {@link org.zhol.securityserver.exchange.ClientRequest#clientCertificates()}; the client proxy decides
 * whether the client subsystem's whitelist holds it. The handshake proves only that the IS holds the key.
 */
public final class IsTls {

    private IsTls() {
    }

    /** The HTTPS listener's context over {@code key} and its certificate chain (leaf first). */
    public static SslContext server(PrivateKey key, List<X509Certificate> chain) {
        try {
            return SslContextBuilder.forServer(key, chain).sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2").clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(new AnyClientCertificate()).build();
        } catch (SSLException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot set up the IS HTTPS listener", e);
        }
    }

    /** Accepts every client chain: the exchange checks it against the whitelist. Never trusts a server. */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {

        private static final X509Certificate[] NONE = new X509Certificate[0];

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Deviation: no PKIX check here; the client proxy compares the leaf with the whitelist.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // As above.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // As above.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the IS listener trusts no servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("the IS listener trusts no servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("the IS listener trusts no servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return NONE;
        }
    }
}
