// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.LocalService;

/** Where the services of local clients are kept. A service is keyed by client, code and version. */
public interface ServiceRepository {

    /**
     * Stores a new service.
     *
     * @throws org.zhol.protocol.error.ZholException {@code UnknownMember} when its client is not hosted
     *                                               here; {@code BadRequest} when it exists already
     */
    void insert(LocalService service);

    /** Replaces a service's definition; returns whether it existed. */
    boolean update(LocalService service);

    /** The service with exactly this code and version (no version finds only a service without one). */
    Optional<LocalService> find(ServiceId id);

    /** A client's services, by code and version. */
    List<LocalService> list(SubsystemId client);

    /** Deletes a service; returns whether it existed. Its access rights are left to the caller. */
    boolean delete(ServiceId id);
}
