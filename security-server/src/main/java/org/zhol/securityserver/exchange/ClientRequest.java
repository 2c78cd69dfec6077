// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.rest.HttpHeader;

/**
 * An information system's HTTP request to the client proxy, its body still streaming.
 *
 * @param method             the HTTP method
 * @param uri                the request target as received (path and query, percent-encoded)
 * @param headers            the request headers in the order received
 * @param remote             the IS's address
 * @param tls                whether it came over HTTPS
 * @param clientCertificates the IS's TLS client certificate chain; empty without TLS or client authentication
 * @param body               the body; blocks until bytes arrive, ends with the request (never null)
 */
public record ClientRequest(String method, String uri, List<HttpHeader> headers, InetSocketAddress remote,
        boolean tls, List<X509Certificate> clientCertificates, InputStream body) {

    public ClientRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(remote, "remote");
        clientCertificates = List.copyOf(clientCertificates);
        Objects.requireNonNull(body, "body");
    }
}
