// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.server.store.Database;

/** {@link MemberClassStore} on the {@code member_class} table. */
public final class SqlMemberClassStore implements MemberClassStore {

    private final Database db;

    public SqlMemberClassStore(Database db) {
        this.db = db;
    }

    @Override
    public void add(MemberClass memberClass) {
        db.transaction(c -> {
            Sql.update(c, () -> StoreFaults.duplicate("Member class " + memberClass.code()),
                    "INSERT INTO member_class (code, description) VALUES (?, ?)",
                    memberClass.code(), memberClass.description());
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<MemberClass> list() {
        return db.transaction(SqlMemberClassStore::read);
    }

    @Override
    public void remove(String code) {
        db.transaction(c -> {
            if (Sql.exists(c, "SELECT id FROM member WHERE member_class = ?", code)) {
                throw StoreFaults.inUse("Member class " + code + " still has members");
            }
            if (Sql.update(c, "DELETE FROM member_class WHERE code = ?", code) == 0) {
                throw StoreFaults.notFound("Member class " + code);
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    /** All classes, read on {@code c}. */
    static List<MemberClass> read(Connection c) throws SQLException {
        return Sql.list(c, r -> new MemberClass(r.getString(1), r.getString(2)),
                "SELECT code, description FROM member_class ORDER BY code");
    }
}
