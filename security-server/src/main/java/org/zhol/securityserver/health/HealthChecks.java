// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link HealthCheck}s. Components register theirs while the server starts (or later);
 * {@link #report()} runs them all, one after another.
 */
public final class HealthChecks {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
    private final MaintenanceMode maintenance;

    /** Starts with the maintenance check, which every server has. */
    public HealthChecks(MaintenanceMode maintenance) {
        this.maintenance = maintenance;
        checks.add(maintenance);
    }

    /** Adds a check; its name must be new. */
    public HealthChecks register(HealthCheck check) {
        if (checks.stream().anyMatch(c -> c.name().equals(check.name()))) {
            throw new IllegalArgumentException("a health check named " + check.name() + " exists already");
        }
        checks.add(check);
        return this;
    }

    /** Runs every check now. */
    public HealthReport report() {
        List<HealthReport.Result> results = new ArrayList<>();
        for (HealthCheck check : checks) {
            results.add(new HealthReport.Result(check.name(), run(check)));
        }
        return new HealthReport(results, maintenanceOn());
    }

    private boolean maintenanceOn() {
        try {
            return maintenance.isOn();
        } catch (RuntimeException e) {
            return false; // the database is down; its check says so
        }
    }

    private static HealthStatus run(HealthCheck check) {
        try {
            HealthStatus status = check.check();
            return status == null ? HealthStatus.failing("the check gave no answer") : status;
        } catch (RuntimeException e) {
            LOG.warn("health check {} failed", check.name(), e);
            return HealthStatus.failing("the check failed: " + e.getClass().getSimpleName());
        }
    }
}
