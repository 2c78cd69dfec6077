// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.store.Database;

/** {@link ServiceRepository} on the {@code local_service} table. */
public final class SqlServiceRepository implements ServiceRepository {

    private static final String SELECT = "SELECT c.instance, c.member_class, c.member_code, c.subsystem_code,"
            + " s.service_code, s.service_version, s.service_type, s.url, s.description_url, s.timeout_seconds,"
            + " s.enabled FROM local_service s JOIN local_client c ON c.id = s.client_id WHERE ";
    private static final String CLIENT_MATCH = "c.instance = ? AND c.member_class = ? AND c.member_code = ?"
            + " AND c.subsystem_code = ?";
    private static final String SERVICE_MATCH = " AND service_code = ? AND service_version = ?";

    private final Database db;

    public SqlServiceRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(LocalService service) {
        db.transaction(c -> {
            long client = ClientRows.requireKey(c, service.id().provider());
            if (find(c, service.id()).isPresent()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The service " + service.id() + " exists already");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO local_service (service_type, url,"
                    + " description_url, timeout_seconds, enabled, client_id, service_code, service_version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindDefinition(s, service);
                bindKey(s, 6, client, service.id());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public boolean update(LocalService service) {
        return db.transaction(c -> {
            Optional<Long> client = ClientRows.key(c, service.id().provider());
            if (client.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE local_service SET service_type = ?, url = ?,"
                    + " description_url = ?, timeout_seconds = ?, enabled = ? WHERE client_id = ?" + SERVICE_MATCH)) {
                bindDefinition(s, service);
                bindKey(s, 6, client.get(), service.id());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<LocalService> find(ServiceId id) {
        return db.transaction(c -> find(c, id));
    }

    @Override
    public List<LocalService> list(SubsystemId client) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + CLIENT_MATCH
                    + " ORDER BY s.service_code, s.service_version")) {
                ClientRows.bind(s, 1, client);
                try (ResultSet r = s.executeQuery()) {
                    List<LocalService> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(read(r));
                    }
                    return all;
                }
            }
        });
    }

    @Override
    public boolean delete(ServiceId id) {
        return db.transaction(c -> {
            Optional<Long> client = ClientRows.key(c, id.provider());
            if (client.isEmpty()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM local_service WHERE client_id = ?"
                    + SERVICE_MATCH)) {
                bindKey(s, 1, client.get(), id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Optional<LocalService> find(Connection c, ServiceId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + CLIENT_MATCH + SERVICE_MATCH)) {
            ClientRows.bind(s, 1, id.provider());
            s.setString(5, id.serviceCode());
            s.setString(6, id.serviceVersion().orElse(""));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static void bindDefinition(PreparedStatement s, LocalService service) throws SQLException {
        s.setString(1, service.type().name());
        s.setString(2, service.url().toString());
        s.setString(3, service.descriptionUrl().map(URI::toString).orElse(null));
        s.setInt(4, (int) service.timeout().toSeconds());
        s.setBoolean(5, service.enabled());
    }

    private static void bindKey(PreparedStatement s, int first, long client, ServiceId id) throws SQLException {
        s.setLong(first, client);
        s.setString(first + 1, id.serviceCode());
        s.setString(first + 2, id.serviceVersion().orElse(""));
    }

    private static LocalService read(ResultSet r) throws SQLException {
        String version = r.getString("service_version");
        ServiceId id = new ServiceId(ClientRows.read(r), r.getString("service_code"),
                version.isEmpty() ? Optional.empty() : Optional.of(version));
        String description = r.getString("description_url");
        return new LocalService(id, ServiceType.valueOf(r.getString("service_type")), URI.create(r.getString("url")),
                Optional.ofNullable(description).map(URI::create), Duration.ofSeconds(r.getInt("timeout_seconds")),
                r.getBoolean("enabled"));
    }
}
