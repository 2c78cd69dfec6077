// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.List;
import org.zhol.protocol.globalconf.GlobalGroup;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;

/**
 * Global groups and their members. An unknown group is {@code NotFound}. Members are not checked
 * against the registry, because they may belong to federated instances.
 */
public interface GroupStore {

    /** Creates an empty group; an existing code is {@code InvalidRequest}. */
    void add(GlobalGroupId id, String description);

    /** All groups with their members, by code. */
    List<GlobalGroup> list();

    /** Removes a group with its member list. */
    void remove(GlobalGroupId id);

    /** Adds a member or subsystem to a group; one already in it is {@code InvalidRequest}. */
    void addMember(GlobalGroupId id, ClientId member);

    /** Removes a member or subsystem from a group; one not in it is {@code NotFound}. */
    void removeMember(GlobalGroupId id, ClientId member);
}
