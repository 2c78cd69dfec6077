// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * "auth key usable": the token is open and holds an AUTH key with an imported certificate for which a
 * fresh "good" OCSP response is cached, so that the server can authenticate itself in TLS.
 */
public final class AuthKeyHealthCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "auth-key-usable";

    private final Signer signer;
    private final OwnOcspResponses ocsp;

    public AuthKeyHealthCheck(Signer signer, OwnOcspResponses ocsp) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ocsp = Objects.requireNonNull(ocsp, "ocsp");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthStatus check() {
        List<KeyInfo> keys;
        try {
            keys = signer.keys();
        } catch (ZholException e) {
            return HealthStatus.failing("the keys cannot be listed: " + e.faultCode() + ": " + e.detail());
        }
        List<X509Certificate> certificates = keys.stream().filter(k -> k.role() == KeyRole.AUTH)
                .flatMap(k -> k.certificates().stream()).toList();
        if (certificates.isEmpty()) {
            return HealthStatus.failing(keys.stream().anyMatch(k -> k.role() == KeyRole.AUTH)
                    ? "no auth key has an imported certificate" : "there is no auth key");
        }
        if (certificates.stream().noneMatch(c -> ocsp.freshResponse(c).isPresent())) {
            return HealthStatus.failing("no auth certificate has a fresh OCSP response");
        }
        return HealthStatus.passing();
    }
}
