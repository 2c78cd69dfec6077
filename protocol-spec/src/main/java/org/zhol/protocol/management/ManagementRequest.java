// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.Set;
import org.zhol.protocol.id.SecurityServerId;

/**
 * A request from a security server to the central server. Every request names the server it is
 * about, carries a unique request id (a lower-case UUID) and the time the server created it, and
 * states which signatures it needs.
 *
 * <p><b>Limits:</b> see {@link RequestFields} for the field rules each record enforces in its
 * constructor (request id, creation time, address, certificate size).
 *
 * <p><b>Pitfalls:</b> a request is only trustworthy after {@link ManagementRequestVerifier#verify}; a
 * record built from unverified bytes is just a well-formed claim. The creation time is truncated to
 * whole seconds, as the canonical JSON holds it.
 */
public sealed interface ManagementRequest
        permits AuthCertRegistration, ClientRegistration, ClientDeletion, AddressChange, MaintenanceMode {

    /** The request id: a lower-case UUID in its 36-character form, chosen by the sender. */
    String requestId();

    /** When the sender created the request, in whole seconds. */
    Instant createdAt();

    /** The security server the request is about; its owner member signs the request. */
    SecurityServerId server();

    /**
     * The signature roles this request needs, each exactly once; no other role is allowed. This is the
     * one place the rule lives: the signer and the verifier both ask it.
     */
    Set<SignatureRole> requiredSignatures();
}
