// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspCertStatus;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * What the cache holds for one own certificate: the last authentic response (any status), when to
 * fetch next, and the last failure. Immutable; the cache replaces entries.
 *
 * @param certificate the own certificate
 * @param hash        its SHA-256
 * @param usage       {@code auth}, {@code sign} or {@code other}
 * @param response    the last response whose origin was verified for this certificate
 * @param nextFetch   when to ask the responder next
 * @param failures    failed fetches since the last success
 * @param lastError   the last failure, if the last attempt failed
 */
record CacheEntry(X509Certificate certificate, CertificateHash hash, String usage, Optional<OcspResponse> response,
        Instant nextFetch, int failures, Optional<String> lastError) {

    CacheEntry {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(nextFetch, "nextFetch");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** A certificate seen for the first time, with no response yet: due at once. */
    static CacheEntry first(X509Certificate certificate, Instant now) {
        return new CacheEntry(certificate, CertificateHash.of(certificate), usageOf(certificate), Optional.empty(),
                now, 0, Optional.empty());
    }

    /** This entry with {@code newResponse}, after a success. */
    CacheEntry withResponse(OcspResponse newResponse, Instant next) {
        return new CacheEntry(certificate, hash, usage, Optional.of(newResponse), next, 0, Optional.empty());
    }

    /** This entry after a failure, keeping the response it has. */
    CacheEntry withFailure(String error, Instant next) {
        return new CacheEntry(certificate, hash, usage, response, next, failures + 1, Optional.of(error));
    }

    /**
     * Whether the response may be used at {@code now}: GOOD and fresh. The freshness rule is that of
     * {@link OcspVerifier#verify} (certificates-ocsp.md §4.3.5), applied to the already verified
     * response without verifying its signature again on every use; {@code CacheEntryTest} checks that
     * both agree.
     */
    boolean usable(TrustParameters parameters, Instant now) {
        return response.isPresent() && response.get().status() == OcspCertStatus.GOOD
                && fresh(response.get(), parameters, now);
    }

    static boolean fresh(OcspResponse response, TrustParameters parameters, Instant now) {
        return !response.thisUpdate().isAfter(now.plus(OcspVerifier.MAX_CLOCK_SKEW))
                && response.thisUpdate().plus(parameters.ocspFreshness()).isAfter(now)
                && (response.nextUpdate().isEmpty() || !now.isAfter(response.nextUpdate().get()));
    }

    /** The earlier of {@code thisUpdate + ocspFreshness} and {@code nextUpdate}. */
    static Instant freshUntil(OcspResponse response, TrustParameters parameters) {
        Instant byFreshness = response.thisUpdate().plus(parameters.ocspFreshness());
        return response.nextUpdate().filter(next -> next.isBefore(byFreshness)).orElse(byFreshness);
    }

    /**
     * When a response should be replaced: after the fetch interval, or after half its fresh life if
     * that is sooner, so that one missed fetch never makes it stale.
     */
    static Instant refreshAt(OcspResponse response, TrustParameters parameters, Duration interval) {
        Duration life = Duration.between(response.thisUpdate(), freshUntil(response, parameters));
        Duration half = life.dividedBy(2);
        return response.thisUpdate().plus(half.compareTo(interval) < 0 ? half : interval);
    }

    /** The record for health and the admin API. */
    OwnOcspStatus status(TrustParameters parameters, Instant now) {
        OwnOcspStatus.Status status = response.map(r -> OwnOcspStatus.Status.valueOf(r.status().name()))
                .orElse(OwnOcspStatus.Status.NONE);
        return new OwnOcspStatus(hash, usage, status, response.map(OcspResponse::thisUpdate),
                response.map(r -> freshUntil(r, parameters)), usable(parameters, now), Optional.of(nextFetch),
                lastError);
    }

    /** Why this certificate cannot be used at {@code now}, if it cannot. */
    Optional<String> problem(TrustParameters parameters, Instant now) {
        if (usable(parameters, now)) {
            return Optional.empty();
        }
        String subject = usage + " certificate " + hash.hex();
        String cause = lastError.map(e -> "; last error: " + e).orElse("");
        if (response.isEmpty()) {
            return Optional.of("No OCSP response for " + subject + cause);
        }
        OcspResponse r = response.get();
        return Optional.of(switch (r.status()) {
            case REVOKED -> "OCSP responder says " + subject + " is revoked"
                    + r.revocation().map(v -> " since " + v.time()).orElse("");
            case UNKNOWN -> "OCSP responder does not know " + subject;
            case GOOD -> r.thisUpdate().isAfter(now.plus(OcspVerifier.MAX_CLOCK_SKEW))
                    ? "OCSP response for " + subject + " is dated in the future (" + r.thisUpdate() + ")" + cause
                    : "OCSP response for " + subject + " is stale since " + freshUntil(r, parameters) + cause;
        });
    }

    private static String usageOf(X509Certificate certificate) {
        if (fits(CertificateRole.AUTHENTICATION, certificate)) {
            return "auth";
        }
        return fits(CertificateRole.SIGNING, certificate) ? "sign" : "other";
    }

    private static boolean fits(CertificateRole role, X509Certificate certificate) {
        try {
            role.check(certificate);
            return true;
        } catch (ZholException e) {
            return false;
        }
    }
}
