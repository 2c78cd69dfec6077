// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;

/**
 * What the cache knows about the OCSP status of one of the server's own certificates, for health
 * and the admin API.
 *
 * @param certificateHash the SHA-256 of the certificate
 * @param usage           {@code auth}, {@code sign}, or {@code other} when its key usages fit neither
 * @param status          the status the cached response states, or {@link Status#NONE} without one
 * @param thisUpdate      the cached response's {@code thisUpdate}
 * @param freshUntil      when the cached response stops being fresh: the earlier of
 *                        {@code thisUpdate + ocspFreshness} and {@code nextUpdate}
 * @param fresh           whether it is fresh now and says GOOD, i.e. whether the certificate may be used
 * @param nextFetch       when the cache next asks the responder
 * @param lastError       why the last fetch (or loading from disk) failed, cleared by a success
 */
public record OwnOcspStatus(CertificateHash certificateHash, String usage, Status status, Optional<Instant> thisUpdate,
        Optional<Instant> freshUntil, boolean fresh, Optional<Instant> nextFetch, Optional<String> lastError) {

    /** The stated status of a certificate, or NONE when no response is cached. */
    public enum Status {
        GOOD,
        REVOKED,
        UNKNOWN,
        NONE
    }

    public OwnOcspStatus {
        Objects.requireNonNull(certificateHash, "certificateHash");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(freshUntil, "freshUntil");
        Objects.requireNonNull(nextFetch, "nextFetch");
        Objects.requireNonNull(lastError, "lastError");
    }
}
