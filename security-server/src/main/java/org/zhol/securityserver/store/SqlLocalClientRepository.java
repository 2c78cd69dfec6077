// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.registry.RegistrationStatus;
import org.zhol.server.store.Database;

/** {@link LocalClientRepository} on the {@code local_client} table. */
public final class SqlLocalClientRepository implements LocalClientRepository {

    private static final String COLUMNS = "instance, member_class, member_code, subsystem_code, status, created_at";

    private final Database db;

    public SqlLocalClientRepository(Database db) {
        this.db = db;
    }

    @Override
    public LocalClient insert(SubsystemId id, RegistrationStatus status) {
        return db.transaction(c -> {
            if (ClientRows.key(c, id).isPresent()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The client " + id + " exists already");
            }
            // Microseconds: what both databases keep, so that a read returns what was written.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO local_client (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ClientRows.bind(s, 1, id);
                s.setString(5, status.name());
                s.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.executeUpdate();
            }
            return new LocalClient(id, status, now);
        });
    }

    @Override
    public Optional<LocalClient> find(SubsystemId id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM local_client WHERE "
                    + ClientRows.ID_MATCH)) {
                ClientRows.bind(s, 1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<LocalClient> list() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM local_client ORDER BY id");
                    ResultSet r = s.executeQuery()) {
                List<LocalClient> all = new ArrayList<>();
                while (r.next()) {
                    all.add(read(r));
                }
                return all;
            }
        });
    }

    @Override
    public boolean setStatus(SubsystemId id, RegistrationStatus status) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE local_client SET status = ? WHERE "
                    + ClientRows.ID_MATCH)) {
                s.setString(1, status.name());
                ClientRows.bind(s, 2, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(SubsystemId id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM local_client WHERE " + ClientRows.ID_MATCH)) {
                ClientRows.bind(s, 1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static LocalClient read(ResultSet r) throws SQLException {
        return new LocalClient(ClientRows.read(r), RegistrationStatus.valueOf(r.getString("status")),
                r.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
