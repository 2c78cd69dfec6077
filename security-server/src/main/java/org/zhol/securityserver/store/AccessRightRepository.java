// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.AccessRight;

/** Where access rights are kept. */
public interface AccessRightRepository {

    /**
     * Stores a right; returns false when the same right exists already.
     *
     * @throws org.zhol.protocol.error.ZholException {@code UnknownMember} when the provider is not hosted here
     */
    boolean insert(AccessRight right);

    /** Deletes a right; returns whether it existed. */
    boolean delete(AccessRight right);

    /** The rights on all services of a client. */
    List<AccessRight> list(SubsystemId provider);

    /** The rights on one service code of a client. */
    List<AccessRight> list(SubsystemId provider, String serviceCode);

    /** Deletes every right on one service code; returns how many there were. */
    int deleteAll(SubsystemId provider, String serviceCode);
}
