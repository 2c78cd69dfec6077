// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

/** Finds the rows of registered members and subsystems, for the stores that refer to them. */
final class MemberRows {

    private MemberRows() {
    }

    /** The row id of a member of {@code instance}, if registered. */
    static Optional<Long> find(Connection c, String instance, MemberId id) throws SQLException {
        if (!id.instance().equals(instance)) {
            return Optional.empty();
        }
        return Sql.first(c, r -> r.getLong(1), "SELECT id FROM member WHERE member_class = ? AND member_code = ?",
                id.memberClass(), id.memberCode());
    }

    /**
     * The row id of the member of a registered client (a member, or a subsystem whose subsystem row
     * exists too).
     *
     * @throws org.zhol.protocol.error.ZholException {@code UnknownMember} when not registered
     */
    static long require(Connection c, String instance, ClientId client) throws SQLException {
        long member = find(c, instance, client.member()).orElseThrow(() -> StoreFaults.unknownMember(client));
        if (client instanceof SubsystemId subsystem && !Sql.exists(c,
                "SELECT id FROM subsystem WHERE member_id = ? AND subsystem_code = ?", member,
                subsystem.subsystemCode())) {
            throw StoreFaults.unknownMember(client);
        }
        return member;
    }

    /** The subsystem code column of a client: empty for the member itself. */
    static String subsystemCode(ClientId client) {
        return client instanceof SubsystemId s ? s.subsystemCode() : "";
    }
}
