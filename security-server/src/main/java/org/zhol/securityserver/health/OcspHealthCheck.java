// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.List;
import java.util.Objects;
import org.zhol.securityserver.ocsp.OwnOcspResponses;

/**
 * "OCSP fresh": every own certificate has a fresh "good" OCSP response
 * ({@link OwnOcspResponses#problems()} is empty); otherwise its problems, joined, are the reason.
 */
public final class OcspHealthCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "ocsp-fresh";

    private final OwnOcspResponses ocsp;

    public OcspHealthCheck(OwnOcspResponses ocsp) {
        this.ocsp = Objects.requireNonNull(ocsp, "ocsp");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthStatus check() {
        List<String> problems = ocsp.problems();
        return problems.isEmpty() ? HealthStatus.passing() : HealthStatus.failing(String.join("; ", problems));
    }
}
