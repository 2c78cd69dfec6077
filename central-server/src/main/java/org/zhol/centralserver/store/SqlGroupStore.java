// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhol.protocol.globalconf.GlobalGroup;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.server.store.Database;

/** {@link GroupStore} on the {@code global_group} and {@code global_group_member} tables. */
public final class SqlGroupStore implements GroupStore {

    private final Database db;
    private final String instance;

    /** @param instance the instance code, which the tables do not repeat in each row */
    public SqlGroupStore(Database db, String instance) {
        this.db = db;
        this.instance = instance;
    }

    @Override
    public void add(GlobalGroupId id, String description) {
        db.transaction(c -> {
            Sql.update(c, () -> StoreFaults.duplicate("Global group " + id.toPath()),
                    "INSERT INTO global_group (group_code, description) VALUES (?, ?)", id.groupCode(), description);
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public List<GlobalGroup> list() {
        return db.transaction(c -> read(c, instance));
    }

    @Override
    public void remove(GlobalGroupId id) {
        db.transaction(c -> {
            Sql.update(c, "DELETE FROM global_group WHERE id = ?", require(c, id));
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void addMember(GlobalGroupId id, ClientId member) {
        db.transaction(c -> {
            Sql.update(c, () -> StoreFaults.duplicate(member.toPath() + " in global group " + id.groupCode()),
                    "INSERT INTO global_group_member (group_id, client_id) VALUES (?, ?)", require(c, id),
                    member.toPath());
            RegistryVersion.bump(c);
            return null;
        });
    }

    @Override
    public void removeMember(GlobalGroupId id, ClientId member) {
        db.transaction(c -> {
            if (Sql.update(c, "DELETE FROM global_group_member WHERE group_id = ? AND client_id = ?", require(c, id),
                    member.toPath()) == 0) {
                throw StoreFaults.notFound(member.toPath() + " in global group " + id.groupCode());
            }
            RegistryVersion.bump(c);
            return null;
        });
    }

    private long require(Connection c, GlobalGroupId id) throws SQLException {
        if (!id.instance().equals(instance)) {
            throw StoreFaults.notFound("Global group " + id.toPath());
        }
        return Sql.first(c, r -> r.getLong(1), "SELECT id FROM global_group WHERE group_code = ?", id.groupCode())
                .orElseThrow(() -> StoreFaults.notFound("Global group " + id.toPath()));
    }

    /** All groups with their members, read on {@code c}. */
    static List<GlobalGroup> read(Connection c, String instance) throws SQLException {
        record Row(long id, String code, String description) {
        }
        record Entry(long group, String client) {
        }
        Map<Long, List<ClientId>> members = new LinkedHashMap<>();
        for (Entry e : Sql.list(c, r -> new Entry(r.getLong(1), r.getString(2)),
                "SELECT group_id, client_id FROM global_group_member ORDER BY id")) {
            members.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(ClientId.parse(e.client()));
        }
        return Sql.list(c, r -> new Row(r.getLong(1), r.getString(2), r.getString(3)),
                "SELECT id, group_code, description FROM global_group ORDER BY group_code").stream()
                .map(g -> new GlobalGroup(new GlobalGroupId(instance, g.code()), g.description(),
                        members.getOrDefault(g.id(), List.of())))
                .toList();
    }
}
