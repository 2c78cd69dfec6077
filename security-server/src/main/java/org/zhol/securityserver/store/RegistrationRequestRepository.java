// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.securityserver.registration.RegistrationRequest;

/** Where the management requests this server sent are kept. */
public interface RegistrationRequestRepository {

    /**
     * Stores a new request.
     *
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} when its id exists already
     */
    void insert(RegistrationRequest request);

    /** The request with this id, if kept. */
    Optional<RegistrationRequest> find(String id);

    /** Every request, in the order they were inserted. */
    List<RegistrationRequest> list();

    /** The requests whose status is open ({@code SENDING}, {@code SUBMITTED}), in the order they were inserted. */
    List<RegistrationRequest> open();

    /** Replaces a request's progress (status, central state, detail, time); returns whether it exists. */
    boolean update(RegistrationRequest request);
}
