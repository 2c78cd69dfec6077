// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.server.store.Database;

/**
 * {@link AccessRightRepository} on the {@code access_right} table. A subject is stored in path form
 * with its X-Road object type; an endpoint as its method text ({@code *} for any) and path pattern.
 */
public final class SqlAccessRightRepository implements AccessRightRepository {

    private static final String SELECT = "SELECT c.instance, c.member_class, c.member_code, c.subsystem_code,"
            + " a.service_code, a.subject, a.method, a.path FROM access_right a JOIN local_client c"
            + " ON c.id = a.client_id WHERE c.instance = ? AND c.member_class = ? AND c.member_code = ?"
            + " AND c.subsystem_code = ?";
    private static final String KEY_MATCH = "client_id = ? AND service_code = ? AND subject_type = ?"
            + " AND subject = ? AND method = ? AND path = ?";

    private final Database db;

    public SqlAccessRightRepository(Database db) {
        this.db = db;
    }

    @Override
    public boolean insert(AccessRight right) {
        return db.transaction(c -> {
            long client = ClientRows.requireKey(c, right.provider());
            if (exists(c, client, right)) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO access_right (client_id, service_code,"
                    + " subject_type, subject, method, path, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bindKey(s, client, right);
                s.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(AccessRight right) {
        return db.transaction(c -> {
            Optional<Long> client = ClientRows.key(c, right.provider());
            if (client.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM access_right WHERE " + KEY_MATCH)) {
                bindKey(s, client.get(), right);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<AccessRight> list(SubsystemId provider) {
        return query(provider, Optional.empty());
    }

    @Override
    public List<AccessRight> list(SubsystemId provider, String serviceCode) {
        return query(provider, Optional.of(serviceCode));
    }

    @Override
    public int deleteAll(SubsystemId provider, String serviceCode) {
        return db.transaction(c -> {
            Optional<Long> client = ClientRows.key(c, provider);
            if (client.isEmpty()) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM access_right WHERE client_id = ? AND service_code = ?")) {
                s.setLong(1, client.get());
                s.setString(2, serviceCode);
                return s.executeUpdate();
            }
        });
    }

    private List<AccessRight> query(SubsystemId provider, Optional<String> serviceCode) {
        return db.transaction(c -> {
            String sql = SELECT + (serviceCode.isPresent() ? " AND a.service_code = ?" : "") + " ORDER BY a.id";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                ClientRows.bind(s, 1, provider);
                if (serviceCode.isPresent()) {
                    s.setString(5, serviceCode.get());
                }
                try (ResultSet r = s.executeQuery()) {
                    List<AccessRight> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(new AccessRight(ClientRows.read(r), r.getString("service_code"),
                                AccessRight.parseSubject(r.getString("subject")),
                                Endpoint.parse(r.getString("method"), r.getString("path"))));
                    }
                    return all;
                }
            }
        });
    }

    private static boolean exists(Connection c, long client, AccessRight right) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM access_right WHERE " + KEY_MATCH)) {
            bindKey(s, client, right);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void bindKey(PreparedStatement s, long client, AccessRight right) throws SQLException {
        s.setLong(1, client);
        s.setString(2, right.serviceCode());
        s.setString(3, right.subject().objectType().name());
        s.setString(4, right.subject().toPath());
        s.setString(5, right.endpoint().methodText());
        s.setString(6, right.endpoint().path().pattern());
    }
}
