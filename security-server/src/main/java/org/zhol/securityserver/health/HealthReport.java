// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.List;
import java.util.Objects;

/**
 * Every check's outcome at one moment.
 *
 * @param checks      each check's name and status, in registration order
 * @param maintenance whether maintenance mode is on (it is also one of the checks, failing while on)
 */
public record HealthReport(List<Result> checks, boolean maintenance) {

    /** One check's outcome. */
    public record Result(String name, HealthStatus status) {
        public Result {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed: the server may take traffic. */
    public boolean healthy() {
        return checks.stream().allMatch(r -> r.status().ok());
    }
}
