// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.SubsystemId;

/**
 * Whether an information system's connection may act for a local client: a pure function of the
 * client's {@link IsAuthentication} mode, its whitelist and the connection, as X-Road's client proxy
 * checks it. Failures are {@code SslAuthenticationFailed} with origin {@code CLIENT}.
 */
public final class IsAuthenticationDecision {

    private IsAuthenticationDecision() {
    }

    /**
     * Returns if the connection is acceptable for {@code client}, else throws.
     *
     * @param client        the local client the request names
     * @param mode          the client's mode
     * @param whitelist     the client's whitelisted certificates (used for {@link IsAuthentication#MTLS})
     * @param tls           whether the request came over HTTPS
     * @param presentedCert the IS's TLS client certificate chain, leaf first; empty if none
     */
    public static void check(SubsystemId client, IsAuthentication mode, Collection<IsCertificate> whitelist,
            boolean tls, List<X509Certificate> presentedCert) {
        switch (mode) {
            case NONE -> {
                return;
            }
            case TLS -> requireTls(client, tls);
            case MTLS -> {
                requireTls(client, tls);
                if (presentedCert.isEmpty()) {
                    throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED, "Client " + client
                            + " requires a TLS client certificate, but the information system presented none");
                }
                CertificateHash hash = CertificateHash.of(presentedCert.getFirst());
                if (whitelist.stream().noneMatch(c -> c.hash().equals(hash))) {
                    throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED, "The information system's "
                            + "certificate is not on the whitelist of client " + client);
                }
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
    }

    private static void requireTls(SubsystemId client, boolean tls) {
        if (!tls) {
            throw ZholException.client(ErrorCode.SSL_AUTHENTICATION_FAILED,
                    "Client " + client + " requires HTTPS, but the information system connected over plain HTTP");
        }
    }
}
