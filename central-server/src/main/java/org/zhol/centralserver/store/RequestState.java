// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

/**
 * The states of a management request (central-server/docs/management.md): {@code PENDING} waits for a
 * decision; {@code APPROVED}, {@code REJECTED} and {@code REVOKED} are final.
 */
public enum RequestState {
    /** Received and verified; waits for an administrator or the policy. */
    PENDING,
    /** Approved: its change is (or, after a crash, is being) applied to the registry. */
    APPROVED,
    /** Refused by an administrator; nothing was changed. */
    REJECTED,
    /** Withdrawn before it was decided; nothing was changed. */
    REVOKED
}
