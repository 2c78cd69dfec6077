// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link HealthCheck}.
 *
 * @param ok     whether the check passed
 * @param reason why it failed, for operators (no secrets); empty when it passed
 */
public record HealthStatus(boolean ok, Optional<String> reason) {

    private static final HealthStatus PASSING = new HealthStatus(true, Optional.empty());

    public HealthStatus {
        Objects.requireNonNull(reason, "reason");
        if (ok == reason.isPresent()) {
            throw new IllegalArgumentException("a failure has a reason, a success none");
        }
    }

    /** A pass. */
    public static HealthStatus passing() {
        return PASSING;
    }

    /** A failure, with why. */
    public static HealthStatus failing(String reason) {
        return new HealthStatus(false, Optional.of(reason));
    }
}
