// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.exchange.ClientRequest;

/** Turns Netty's view of an IS request into the exchange's {@link ClientRequest}. */
final class ClientRequests {

    private ClientRequests() {
    }

    /**
     * The request as received: method, target, headers in order, the IS's address, and its TLS client
     * certificate chain when it presented one.
     *
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} for a header that is not one
     */
    static ClientRequest of(Channel channel, HttpRequest request, boolean tls, InputStream body) {
        return new ClientRequest(request.method().name(), request.uri(), headers(request),
                (InetSocketAddress) channel.remoteAddress(), tls, peerCertificates(channel), body);
    }

    private static List<HttpHeader> headers(HttpRequest request) {
        List<HttpHeader> headers = new ArrayList<>(request.headers().size());
        for (Map.Entry<String, String> header : request.headers()) {
            headers.add(new HttpHeader(header.getKey(), header.getValue()));
        }
        return headers;
    }

    private static List<X509Certificate> peerCertificates(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return List.of();
        }
    }
}
