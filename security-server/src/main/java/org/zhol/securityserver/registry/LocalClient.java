// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.time.Instant;
import java.util.Objects;
import org.zhol.protocol.id.SubsystemId;

/**
 * A subsystem hosted on this security server: the provider of its local services and a caller through
 * its client proxy.
 *
 * @param id        the subsystem
 * @param status    its registration status
 * @param createdAt when it was added here
 */
public record LocalClient(SubsystemId id, RegistrationStatus status, Instant createdAt) {

    public LocalClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
