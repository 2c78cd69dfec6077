// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.registry.RegistrationStatus;

/** Where the subsystems hosted on this server are kept. */
public interface LocalClientRepository {

    /**
     * Stores a new client.
     *
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} when it exists already
     */
    LocalClient insert(SubsystemId id, RegistrationStatus status);

    /** The client, if hosted here. */
    Optional<LocalClient> find(SubsystemId id);

    /** All clients, in the order they were added. */
    List<LocalClient> list();

    /** Sets a client's registration status; returns whether the client exists. */
    boolean setStatus(SubsystemId id, RegistrationStatus status);

    /** Deletes a client with its services and access rights; returns whether it existed. */
    boolean delete(SubsystemId id);
}
