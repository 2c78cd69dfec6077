// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;

/**
 * A global group: a named set of members and subsystems that access rights may refer to.
 *
 * <p><b>Pitfalls:</b> members may belong to other (federated) instances, so they are not checked
 * against this configuration's members.
 *
 * @param id          the group
 * @param description a human-readable description
 * @param members     the members and subsystems in the group
 */
public record GlobalGroup(GlobalGroupId id, String description, List<ClientId> members) {

    public GlobalGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        members = List.copyOf(members);
    }
}
