// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

/**
 * A registered member and its subsystems.
 *
 * @param id         the member
 * @param name       its registered name
 * @param subsystems its subsystems, each owned by {@code id}, without duplicates
 */
public record Member(MemberId id, String name, List<SubsystemId> subsystems) {

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        subsystems = List.copyOf(subsystems);
        for (SubsystemId subsystem : subsystems) {
            if (!subsystem.member().equals(id)) {
                throw GlobalConfFaults.malformed("Subsystem " + subsystem + " is not owned by " + id);
            }
        }
        if (subsystems.stream().distinct().count() != subsystems.size()) {
            throw GlobalConfFaults.malformed("Member " + id + " lists a subsystem twice");
        }
    }
}
