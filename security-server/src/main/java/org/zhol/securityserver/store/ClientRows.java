// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;

/** The row key of a local client, shared by the repositories whose rows belong to a client. */
final class ClientRows {

    /** The columns that hold a client's identifier, in the order {@link #bind} sets them. */
    static final String ID_MATCH = "instance = ? AND member_class = ? AND member_code = ? AND subsystem_code = ?";

    private ClientRows() {
    }

    /** Sets the four identifier parameters from {@code first}. */
    static void bind(PreparedStatement s, int first, SubsystemId id) throws SQLException {
        s.setString(first, id.member().instance());
        s.setString(first + 1, id.member().memberClass());
        s.setString(first + 2, id.member().memberCode());
        s.setString(first + 3, id.subsystemCode());
    }

    /** The subsystem in the four identifier columns of the current row. */
    static SubsystemId read(ResultSet r) throws SQLException {
        return new SubsystemId(new MemberId(r.getString("instance"), r.getString("member_class"),
                r.getString("member_code")), r.getString("subsystem_code"));
    }

    /** The row id of a client, if hosted here. */
    static Optional<Long> key(Connection c, SubsystemId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM local_client WHERE " + ID_MATCH)) {
            bind(s, 1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The row id of a client, which must be hosted here. */
    static long requireKey(Connection c, SubsystemId id) throws SQLException {
        return key(c, id).orElseThrow(() -> ZholException.client(ErrorCode.UNKNOWN_MEMBER,
                "The client " + id + " is not hosted on this security server"));
    }
}
