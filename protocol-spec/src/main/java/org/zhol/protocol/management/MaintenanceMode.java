// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Switches a security server's maintenance mode on or off (X-Road's {@code maintenanceModeEnable} and
 * {@code maintenanceModeDisable} in one request type).
 *
 * <p>Signatures: {@link SignatureRole#OWNER} only.
 *
 * <p><b>Pitfalls:</b> X-Road's optional maintenance message for clients is not carried.
 *
 * @param requestId a lower-case UUID
 * @param createdAt when the sender made the request (truncated to seconds)
 * @param server    the server concerned
 * @param enabled   {@code true} to enter maintenance mode, {@code false} to leave it
 */
public record MaintenanceMode(String requestId, Instant createdAt, SecurityServerId server, boolean enabled)
        implements ManagementRequest {

    public MaintenanceMode {
        requestId = RequestFields.requestId(requestId);
        createdAt = RequestFields.createdAt(createdAt);
        server = RequestFields.server(server);
    }

    /** A new request with a random id. */
    public static MaintenanceMode create(SecurityServerId server, boolean enabled, Instant now) {
        return new MaintenanceMode(UUID.randomUUID().toString(), now, server, enabled);
    }

    @Override
    public Set<SignatureRole> requiredSignatures() {
        return Set.of(SignatureRole.OWNER);
    }
}
