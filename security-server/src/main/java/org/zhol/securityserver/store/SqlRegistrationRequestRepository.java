// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.registration.CentralState;
import org.zhol.securityserver.registration.RegistrationRequest;
import org.zhol.securityserver.registration.RequestProgress;
import org.zhol.securityserver.registration.RequestStatus;
import org.zhol.securityserver.registration.RequestType;
import org.zhol.server.store.Database;

/** {@link RegistrationRequestRepository} on the {@code registration_request} table. */
public final class SqlRegistrationRequestRepository implements RegistrationRequestRepository {

    private static final String COLUMNS = "id, request_type, subject, submitted_at, base_generation, status, "
            + "central_state, detail, updated_at";

    private final Database db;

    public SqlRegistrationRequestRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(RegistrationRequest request) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM registration_request WHERE id = ?")) {
                s.setString(1, request.id());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        throw ZholException.client(ErrorCode.BAD_REQUEST, "The request " + request.id()
                                + " exists already");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO registration_request (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, request.id());
                s.setString(2, request.type().name());
                s.setString(3, request.subject());
                s.setObject(4, time(request.submittedAt()));
                s.setLong(5, request.baseGeneration());
                bindProgress(s, 6, request.progress());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<RegistrationRequest> find(String id) {
        List<RegistrationRequest> found = select(" WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<RegistrationRequest> list() {
        return select("", null);
    }

    @Override
    public List<RegistrationRequest> open() {
        return select(" WHERE status IN ('" + RequestStatus.SENDING.name() + "', '" + RequestStatus.SUBMITTED.name()
                + "')", null);
    }

    @Override
    public boolean update(RegistrationRequest request) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE registration_request SET status = ?, "
                    + "central_state = ?, detail = ?, updated_at = ? WHERE id = ?")) {
                bindProgress(s, 1, request.progress());
                s.setString(5, request.id());
                return s.executeUpdate() == 1;
            }
        });
    }

    private List<RegistrationRequest> select(String where, String parameter) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM registration_request" + where
                    + " ORDER BY seq")) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                try (ResultSet r = s.executeQuery()) {
                    List<RegistrationRequest> all = new ArrayList<>();
                    while (r.next()) {
                        all.add(read(r));
                    }
                    return all;
                }
            }
        });
    }

    private static void bindProgress(PreparedStatement s, int first, RequestProgress progress) throws SQLException {
        s.setString(first, progress.status().name());
        s.setString(first + 1, progress.centralState().map(Enum::name).orElse(null));
        s.setString(first + 2, progress.detail().orElse(null));
        s.setObject(first + 3, time(progress.updatedAt()));
    }

    private static RegistrationRequest read(ResultSet r) throws SQLException {
        RequestProgress progress = new RequestProgress(RequestStatus.valueOf(r.getString("status")),
                Optional.ofNullable(r.getString("central_state")).flatMap(CentralState::byName),
                Optional.ofNullable(r.getString("detail")), instant(r, "updated_at"));
        return new RegistrationRequest(r.getString("id"), RequestType.valueOf(r.getString("request_type")),
                r.getString("subject"), instant(r, "submitted_at"), r.getLong("base_generation"), progress);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }
}
