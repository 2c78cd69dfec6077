// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.net.URI;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * Where the central server's registration listener is, and the SHA-256 of its TLS certificate, which is
 * pinned: no CA is involved (central-server {@code docs/management.md}, "TLS trust").
 *
 * @param url    the listener's base URL, {@code https://host[:port]/}; always ends with {@code /}
 * @param tlsPin the SHA-256 of the listener's certificate
 */
public record CentralEndpoint(URI url, CertificateHash tlsPin) {

    public CentralEndpoint {
        url = checkUrl(url);
        Objects.requireNonNull(tlsPin, "tlsPin");
    }

    /**
     * A registration listener URL: {@code https}, a host, no user info, query or fragment; a trailing
     * {@code /} is added.
     *
     * @throws ZholException {@code BadRequest} otherwise
     */
    public static URI checkUrl(URI url) {
        Objects.requireNonNull(url, "url");
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.toString().length() > 2048) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The central server's registration URL must be "
                    + "https://host[:port][/path] without user info, query or fragment, not '" + url + "'");
        }
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    /**
     * A pin from its hex form; upper case and {@code :} separators (as some tools print fingerprints) are
     * accepted.
     *
     * @throws ZholException {@code BadRequest} when it is not 32 bytes of hex
     */
    public static CertificateHash parsePin(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "A TLS certificate pin is the SHA-256 of the certificate: 64 hex digits");
        }
        return new CertificateHash(hex);
    }
}
