// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * The registration flows' settings, from the {@code registration} section of the configuration file.
 *
 * @param centralUrl    the central server's registration listener; empty derives it from the anchor
 *                      ({@link CentralSettings})
 * @param centralTlsPin the SHA-256 of the listener's TLS certificate; empty until an administrator sets it
 * @param timeout       how long a call to the central server, and the wait for a fresh OCSP response of a
 *                      new certificate, may take
 * @param checkInterval how often kept requests are compared with the configuration held
 * @param pollInterval  how often the central server is asked about a request it has not decided
 */
public record RegistrationConfig(Optional<URI> centralUrl, Optional<CertificateHash> centralTlsPin, Duration timeout,
        Duration checkInterval, Duration pollInterval) {

    public RegistrationConfig {
        centralUrl = centralUrl.map(CentralEndpoint::checkUrl);
        Objects.requireNonNull(centralTlsPin, "centralTlsPin");
        positive(timeout, "timeout");
        positive(checkInterval, "checkInterval");
        positive(pollInterval, "pollInterval");
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
