// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Registers a client (usually a subsystem) on a security server (X-Road's {@code clientReg}).
 *
 * <p>Signatures: {@link SignatureRole#OWNER} always; {@link SignatureRole#CLIENT} as well, by the
 * signing key of the client's member, exactly when that member is not the server's owner
 * ({@link #needsClientSignature()}).
 *
 * <p><b>Pitfalls:</b> the client must be in the server's instance
 * ({@code InvalidClientIdentifier} otherwise). X-Road's optional subsystem name is not carried.
 *
 * @param requestId a lower-case UUID
 * @param createdAt when the sender made the request (truncated to seconds)
 * @param server    the server to register the client on
 * @param client    the member or subsystem to register
 */
public record ClientRegistration(String requestId, Instant createdAt, SecurityServerId server, ClientId client)
        implements ManagementRequest {

    public ClientRegistration {
        requestId = RequestFields.requestId(requestId);
        createdAt = RequestFields.createdAt(createdAt);
        server = RequestFields.server(server);
        client = RequestFields.client(client, server);
    }

    /** A new request with a random id. */
    public static ClientRegistration create(SecurityServerId server, ClientId client, Instant now) {
        return new ClientRegistration(UUID.randomUUID().toString(), now, server, client);
    }

    /** Whether the client's member differs from the server's owner, so that it must sign too. */
    public boolean needsClientSignature() {
        return !client.member().equals(server.owner());
    }

    @Override
    public Set<SignatureRole> requiredSignatures() {
        return needsClientSignature() ? Set.of(SignatureRole.OWNER, SignatureRole.CLIENT) : Set.of(SignatureRole.OWNER);
    }
}
