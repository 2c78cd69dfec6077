// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;

/** A party that can call a service: a {@link MemberId} or a {@link SubsystemId}. */
public sealed interface ClientId extends XRoadId permits MemberId, SubsystemId {

    /** The member itself, or the member that owns the subsystem. */
    MemberId member();

    /**
     * Parses {@code INSTANCE/CLASS/CODE} (a member) or {@code INSTANCE/CLASS/CODE/SUBSYSTEM}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} when malformed
     */
    static ClientId parse(String path) {
        List<String> p = IdentifierRules.split(path, 3, 4, "client");
        MemberId member = new MemberId(p.get(0), p.get(1), p.get(2));
        return p.size() == 3 ? member : new SubsystemId(member, p.get(3));
    }
}
