// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

/** Members and their subsystems. Unknown members and subsystems are {@code UnknownMember}. */
public interface MemberStore {

    /** Registers a member; its class must exist ({@code NotFound}); an existing one is {@code InvalidRequest}. */
    void add(MemberId id, String name);

    /** All members with their subsystems, by class and code. */
    List<Member> list();

    /** One member with its subsystems. */
    Optional<Member> find(MemberId id);

    /** Changes a member's name. */
    void rename(MemberId id, String name);

    /** Removes a member and its subsystems; {@code InvalidRequest} while it owns security servers. */
    void remove(MemberId id);

    /** Adds a subsystem to a registered member; an existing one is {@code InvalidRequest}. */
    void addSubsystem(SubsystemId id);

    /** Removes a subsystem, and with it its registrations as a client of security servers. */
    void removeSubsystem(SubsystemId id);
}
