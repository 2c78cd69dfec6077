// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

/**
 * Where a local client stands with the central server. The registration flows move a client along
 * {@code SAVED → REGISTRATION_REQUESTED → REGISTERED → DELETION_REQUESTED}; the names are X-Road's.
 */
public enum RegistrationStatus {
    /** Added here, not yet sent to the central server. */
    SAVED,
    /** A client registration request was sent and awaits approval. */
    REGISTRATION_REQUESTED,
    /** The global configuration lists the client on this server. */
    REGISTERED,
    /** A client deletion request was sent. */
    DELETION_REQUESTED
}
