// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * The OCSP responses of the server's own certificates, as signing, TLS, health and peers need them.
 * {@link OcspCache} implements it.
 *
 * <p><b>Pitfalls:</b> an empty {@link #freshResponse} means the certificate must not be used: fail
 * closed, do not fall back to signing or handshaking without a response.
 */
public interface OwnOcspResponses {

    /**
     * The DER of the cached response for {@code certificate}, only if it was verified for this
     * certificate, says GOOD, and is fresh now under the configuration's {@code ocspFreshness}.
     * This is what CAdES embedding and TLS stapling call.
     */
    Optional<byte[]> freshResponse(X509Certificate certificate);

    /** As {@link #freshResponse(X509Certificate)}, for the own certificate with this SHA-256 hash. */
    Optional<byte[]> freshResponse(CertificateHash certificateHash);

    /** One record per own certificate, in the order the certificates are listed. */
    List<OwnOcspStatus> status();

    /**
     * Why the cache is unhealthy: one line per own certificate that cannot be used (no response,
     * stale, revoked, unknown), or when the trust configuration is unavailable. Empty when healthy.
     */
    List<String> problems();
}
