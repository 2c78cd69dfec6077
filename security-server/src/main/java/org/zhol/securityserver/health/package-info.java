// SPDX-License-Identifier: MIT
/**
 * Health: pluggable {@link org.zhol.securityserver.health.HealthCheck}s collected in
 * {@link org.zhol.securityserver.health.HealthChecks}, and the maintenance flag. The admin API renders
 * the report at {@code GET /health}.
 *
 * <p>Deviation: ARCHITECTURE's layout has no {@code health} package. Checks come from several packages
 * (signer, globalconf, OCSP), so the interface lives on its own rather than in {@code admin}, which
 * only renders it.
 */
package org.zhol.securityserver.health;
