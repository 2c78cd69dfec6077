// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

/**
 * Where a management request stands here. {@link #SENDING} and {@link #SUBMITTED} are open; the others
 * are final.
 */
public enum RequestStatus {
    /** Stored and being sent, or sent without an answer (the central server may or may not have it). */
    SENDING,
    /** The central server accepted it; the change is not yet in a verified configuration. */
    SUBMITTED,
    /** A global configuration newer than the one held at submission shows the change. */
    CONFIRMED,
    /** The central server rejected or revoked it. */
    REJECTED,
    /** The central server refused it at receipt, or has no record of it: nothing changes. */
    FAILED,
    /** A later request about the same thing replaced it before it was confirmed. */
    SUPERSEDED;

    /** Whether the request still waits for the central server or the configuration. */
    public boolean open() {
        return this == SENDING || this == SUBMITTED;
    }
}
