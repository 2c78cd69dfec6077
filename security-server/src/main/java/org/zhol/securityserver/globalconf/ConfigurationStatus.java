// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of the configuration client at one instant, enough for a health check ("configuration
 * valid") and for the administrator.
 *
 * @param valid               whether {@link CurrentConfiguration#require()} succeeds at {@code at}
 * @param at                  the instant this status was taken
 * @param generation          the generation held, even if expired; 0 when none is held
 * @param expiresAt           when the generation held expires; empty when none is held
 * @param lastSuccess         when a download attempt last succeeded (a new generation, or the central server
 *                            confirmed the one held); empty when none has since start
 * @param lastError           the failure of the latest attempt; empty when it succeeded or none was made
 * @param consecutiveFailures how many attempts in a row have failed; 0 after a success
 */
public record ConfigurationStatus(boolean valid, Instant at, long generation, Optional<Instant> expiresAt,
        Optional<Instant> lastSuccess, Optional<Failure> lastError, int consecutiveFailures) {

    public ConfigurationStatus {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
        if (generation < 0 || consecutiveFailures < 0) {
            throw new IllegalArgumentException("generation and consecutiveFailures must not be negative");
        }
    }

    /**
     * One failed attempt.
     *
     * @param at     when it failed
     * @param code   the fault code, e.g. {@code NetworkError} or {@code InvalidSignatureValue}
     * @param detail the peer-safe explanation
     */
    public record Failure(Instant at, String code, String detail) {

        public Failure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
