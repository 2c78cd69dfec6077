// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.securityserver.ocsp.OwnOcspResponses;

/**
 * Fresh OCSP responses for the certificates that sign management requests, from the OCSP cache of the
 * own certificates. A certificate imported a moment ago may not have one yet: then the cache is asked to
 * fetch at once and this waits for it, up to a limit.
 */
public final class FreshOcsp {

    private static final Duration POLL = Duration.ofMillis(50);
    /** How often the cache is asked again while waiting. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final OwnOcspResponses responses;
    private final Runnable fetchNow;
    private final Duration wait;

    /**
     * @param responses the cache's responses
     * @param fetchNow  makes the cache look at the own certificates at once
     * @param wait      how long to wait for a response that is not there yet
     */
    public FreshOcsp(OwnOcspResponses responses, Runnable fetchNow, Duration wait) {
        this.responses = responses;
        this.fetchNow = fetchNow;
        this.wait = wait;
    }

    /** The fresh GOOD response for {@code certificate} if the cache holds one now; never waits. */
    public Optional<byte[]> now(X509Certificate certificate) {
        return responses.freshResponse(certificate);
    }

    /**
     * The fresh GOOD response for {@code certificate}, waiting for the cache to fetch one if needed.
     *
     * @param what names the certificate in the error, e.g. "the authentication certificate"
     * @throws ZholException {@code MissingValidationInfo} when none arrives in time, with the cache's reason
     */
    public byte[] require(X509Certificate certificate, String what) {
        Optional<byte[]> found = responses.freshResponse(certificate);
        if (found.isPresent()) {
            return found.get();
        }
        fetchNow.run();
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        long nextAsk = start + RETRY.toNanos();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextAsk) {
                // The first attempt may have met a configuration that does not know the CA yet.
                fetchNow.run();
                nextAsk = System.nanoTime() + RETRY.toNanos();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = responses.freshResponse(certificate);
            if (found.isPresent()) {
                return found.get();
            }
        }
        String hash = CertificateHash.of(certificate).hex();
        List<String> reasons = responses.problems().stream().filter(p -> p.contains(hash)).toList();
        throw new ZholException(FaultCode.of(ErrorCode.MISSING_VALIDATION_INFO), Origin.THIS_SERVER,
                "No fresh OCSP response for " + what + " (SHA-256 " + hash + ") within " + wait.toSeconds() + " s"
                        + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)), null);
    }
}
