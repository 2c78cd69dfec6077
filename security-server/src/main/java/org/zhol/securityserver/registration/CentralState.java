// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.util.Arrays;
import java.util.Optional;

/** A management request's state at the central server ({@code central-server/docs/management.md}). */
public enum CentralState {
    /** Accepted, waiting for an administrator. */
    PENDING,
    /** Approved and applied to the registry; it appears in the next configuration generation. */
    APPROVED,
    /** Rejected by an administrator. */
    REJECTED,
    /** Revoked by an administrator, or superseded at the central server. */
    REVOKED;

    /** The state with this name, as the central server writes it. */
    public static Optional<CentralState> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether the central server turned the request down for good. */
    public boolean refused() {
        return this == REJECTED || this == REVOKED;
    }
}
