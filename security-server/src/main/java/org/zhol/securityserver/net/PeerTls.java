// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.exchange.AuthIdentity;
import org.zhol.securityserver.exchange.PeerAuthenticator;

/**
 * The TLS contexts of the connections between security servers (port 5500), both sides: TLS 1.3 only
 * (a TLS 1.2 hello is refused), mutual authentication required, each side presenting {@link AuthIdentity}
 * and accepting the other only through {@link PeerAuthenticator#authenticate}; no host name checks. The
 * JDK provider is used, so a PKCS#11 (SunPKCS11) key signs the handshake on its token.
 *
 * <p><b>Pitfalls:</b> the key and the trust decisions run in JSSE's delegated tasks; the handlers are
 * made with {@code newHandler(alloc, executor)} with a virtual-thread executor so that neither a token
 * nor a certificate check ever blocks an event loop.
 */
public final class PeerTls {

    /** The only protocol offered and accepted. */
    public static final String PROTOCOL = "TLSv1.3";

    private PeerTls() {
    }

    /** The server proxy's context: requires a client certificate. */
    public static SslContext server(AuthIdentity identity, PeerAuthenticator authenticator) {
        SslContextBuilder builder = SslContextBuilder.forServer(new AuthKeyManager(identity))
                .clientAuth(ClientAuth.REQUIRE);
        return build(builder, authenticator);
    }

    /** The peer client's context: presents the client certificate, no endpoint identification. */
    public static SslContext client(AuthIdentity identity, PeerAuthenticator authenticator) {
        SslContextBuilder builder = SslContextBuilder.forClient().keyManager(new AuthKeyManager(identity))
                .endpointIdentificationAlgorithm(null);
        return build(builder, authenticator);
    }

    private static SslContext build(SslContextBuilder builder, PeerAuthenticator authenticator) {
        try {
            return builder.sslProvider(SslProvider.JDK).protocols(PROTOCOL)
                    .trustManager(new PeerTrustManager(authenticator)).build();
        } catch (SSLException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot set up TLS between security servers", e);
        }
    }
}
