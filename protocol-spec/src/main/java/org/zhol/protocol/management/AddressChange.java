// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Changes the address at which a security server is reached (X-Road's {@code addressChange}).
 *
 * <p>Signatures: {@link SignatureRole#OWNER} only.
 *
 * <p><b>Limits:</b> the address is host[:port], at most 255 characters.
 *
 * @param requestId a lower-case UUID
 * @param createdAt when the sender made the request (truncated to seconds)
 * @param server    the server whose address changes
 * @param address   the new address, host[:port]
 */
public record AddressChange(String requestId, Instant createdAt, SecurityServerId server, String address)
        implements ManagementRequest {

    public AddressChange {
        requestId = RequestFields.requestId(requestId);
        createdAt = RequestFields.createdAt(createdAt);
        server = RequestFields.server(server);
        address = RequestFields.address(address);
    }

    /** A new request with a random id. */
    public static AddressChange create(SecurityServerId server, String address, Instant now) {
        return new AddressChange(UUID.randomUUID().toString(), now, server, address);
    }

    @Override
    public Set<SignatureRole> requiredSignatures() {
        return Set.of(SignatureRole.OWNER);
    }
}
