// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import org.zhol.server.store.Database;

/** Passes when a pooled connection answers within two seconds. */
public final class DatabaseHealthCheck implements HealthCheck {

    private final Database db;

    public DatabaseHealthCheck(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthStatus check() {
        return db.isReachable() ? HealthStatus.passing() : HealthStatus.failing("The database is not reachable");
    }
}
