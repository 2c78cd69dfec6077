// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

/**
 * One thing that must hold for this server to serve traffic: the database answers, the auth key is
 * usable, OCSP responses are fresh, the global configuration is valid. {@link HealthChecks} runs every
 * registered check on each {@code GET /health}.
 *
 * <p>Add one by implementing this interface and registering it in the composition root:
 * {@code health.register(new MyCheck(...))}.
 */
public interface HealthCheck {

    /** A short, stable name, e.g. {@code database}. */
    String name();

    /**
     * Checks now. It should answer within a second or two; it may block (it runs on a virtual thread).
     * An exception counts as a failure with the exception's class as the reason.
     */
    HealthStatus check();
}
