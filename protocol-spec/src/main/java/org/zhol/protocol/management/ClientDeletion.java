// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Removes a client from a security server (X-Road's {@code clientDeletion}).
 *
 * <p>Signatures: {@link SignatureRole#OWNER} only, whoever the client's member is: the server's owner
 * may always stop hosting a client.
 *
 * <p><b>Pitfalls:</b> the client must be in the server's instance ({@code InvalidClientIdentifier}).
 *
 * @param requestId a lower-case UUID
 * @param createdAt when the sender made the request (truncated to seconds)
 * @param server    the server to remove the client from
 * @param client    the member or subsystem to remove
 */
public record ClientDeletion(String requestId, Instant createdAt, SecurityServerId server, ClientId client)
        implements ManagementRequest {

    public ClientDeletion {
        requestId = RequestFields.requestId(requestId);
        createdAt = RequestFields.createdAt(createdAt);
        server = RequestFields.server(server);
        client = RequestFields.client(client, server);
    }

    /** A new request with a random id. */
    public static ClientDeletion create(SecurityServerId server, ClientId client, Instant now) {
        return new ClientDeletion(UUID.randomUUID().toString(), now, server, client);
    }

    @Override
    public Set<SignatureRole> requiredSignatures() {
        return Set.of(SignatureRole.OWNER);
    }
}
