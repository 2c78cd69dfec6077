// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.server.store.Database;

/** {@link MemberStore} on the {@code member} and {@code subsystem} tables. */
public final class SqlMemberStore implements MemberStore {

    private final Database db;
    private final String instance;

    /** @param instance the instance code, which the tables do not repeat in each row */
    public SqlMemberStore(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    @Override
    public void add(MemberId id, String name) {
        db.transaction(c -> {
            if (!Sql.exists(c, "SELECT id FROM member_class WHERE code = ?", id.memberClass())) {
                throw StoreFaults.notFound("Member class " + id.memberClass());
            }
            Sql.update(c, () -> StoreFaults.duplicate("Member " + id.toPath()),
                    "INSERT INTO member (member_class, member_code, name) VALUES (?, ?, ?)",
                    id.memberClass(), id.memberCode(), name);
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<Member> list() {
        return db.transaction(c -> read(c, instance));
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return list().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public void rename(MemberId id, String name) {
        db.transaction(c -> {
            long row = MemberRows.require(c, instance, id);
            Sql.update(c, "UPDATE member SET name = ? WHERE id = ?", name, row);
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void remove(MemberId id) {
        db.transaction(c -> {
            long row = MemberRows.require(c, instance, id);
            if (Sql.exists(c, "SELECT id FROM security_server WHERE owner_id = ?", row)) {
                throw StoreFaults.inUse("Member " + id.toPath() + " still owns security servers");
            }
            Sql.update(c, "DELETE FROM member WHERE id = ?", row);
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void addSubsystem(SubsystemId id) {
        db.transaction(c -> {
            long member = MemberRows.require(c, instance, id.member());
            Sql.update(c, () -> StoreFaults.duplicate("Subsystem " + id.toPath()),
                    "INSERT INTO subsystem (member_id, subsystem_code) VALUES (?, ?)", member, id.subsystemCode());
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void removeSubsystem(SubsystemId id) {
        db.transaction(c -> {
            long member = MemberRows.require(c, instance, id);
            Sql.update(c, "DELETE FROM server_client WHERE member_id = ? AND subsystem_code = ?", member,
                    id.subsystemCode());
            Sql.update(c, "DELETE FROM subsystem WHERE member_id = ? AND subsystem_code = ?", member,
                    id.subsystemCode());
            RegistryVersion.bump(c);
            return null;
        });
    }

    /** All members with their subsystems, read on {@code c}. */
    static List<Member> read(Connection c, String instance) throws SQLException {
        record Row(long id, MemberId member, String name) {
        }
        Map<Long, Row> members = new LinkedHashMap<>();
        for (Row row : Sql.list(c, r -> new Row(r.getLong(1), new MemberId(instance, r.getString(2), r.getString(3)),
                r.getString(4)), "SELECT id, member_class, member_code, name FROM member"
                + " ORDER BY member_class, member_code")) {
            members.put(row.id(), row);
        }
        record Sub(long member, String code) {
        }
        Map<Long, List<SubsystemId>> subsystems = new LinkedHashMap<>();
        for (Sub sub : Sql.list(c, r -> new Sub(r.getLong(1), r.getString(2)),
                "SELECT member_id, subsystem_code FROM subsystem ORDER BY subsystem_code")) {
            MemberId owner = members.get(sub.member()).member();
            subsystems.computeIfAbsent(sub.member(), k -> new ArrayList<>()).add(owner.subsystem(sub.code()));
        }
        return members.values().stream()
                .map(m -> new Member(m.member(), m.name(), subsystems.getOrDefault(m.id(), List.of()))).toList();
    }
}
