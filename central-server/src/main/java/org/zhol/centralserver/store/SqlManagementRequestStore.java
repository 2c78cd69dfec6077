// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.store.Database;

/** {@link ManagementRequestStore} on the {@code management_request} table ({@code V2__management.sql}). */
public final class SqlManagementRequestStore implements ManagementRequestStore {

    private static final String COLUMNS = "id, request_type, server_id, subject, payload, state, applied, received_at,"
            + " decided_at, decided_by, reason";

    private final Database db;

    public SqlManagementRequestStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(StoredRequest r) {
        db.transaction(c -> Sql.update(c, () -> ZholException.client(ErrorCode.INVALID_REQUEST,
                "Request " + r.id() + " was received already"), "INSERT INTO management_request (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.type(), r.server(), r.subject(), r.payload(),
                r.state().name(), r.applied(), time(r.receivedAt()), r.decidedAt().map(SqlManagementRequestStore::time)
                        .orElse(null), r.decidedBy().orElse(null), r.reason().orElse(null)));
    }

    @Override
    public Optional<StoredRequest> find(String id) {
        return db.transaction(c -> Sql.first(c, SqlManagementRequestStore::read,
                "SELECT " + COLUMNS + " FROM management_request WHERE id = ?", id));
    }

    @Override
    public List<StoredRequest> list(Optional<RequestState> state) {
        String order = " ORDER BY received_at, id";
        return db.transaction(c -> state.isPresent()
                ? Sql.list(c, SqlManagementRequestStore::read, "SELECT " + COLUMNS
                        + " FROM management_request WHERE state = ?" + order, state.get().name())
                : Sql.list(c, SqlManagementRequestStore::read, "SELECT " + COLUMNS + " FROM management_request" + order));
    }

    @Override
    public boolean isPending(String type, String server, String subject) {
        return db.transaction(c -> Sql.exists(c, "SELECT 1 FROM management_request WHERE request_type = ?"
                + " AND server_id = ? AND subject = ? AND state = 'PENDING'", type, server, subject));
    }

    @Override
    public boolean decide(String id, RequestState from, RequestState to, String decidedBy, Instant at,
            Optional<String> reason) {
        return db.transaction(c -> Sql.update(c, "UPDATE management_request SET state = ?, applied = FALSE,"
                + " decided_at = ?, decided_by = ?, reason = ? WHERE id = ? AND state = ?", to.name(), time(at),
                decidedBy, reason.orElse(null), id, from.name()) == 1);
    }

    @Override
    public void markApplied(String id) {
        db.transaction(c -> Sql.update(c, "UPDATE management_request SET applied = TRUE WHERE id = ?", id));
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static StoredRequest read(ResultSet r) throws SQLException {
        OffsetDateTime decided = r.getObject(9, OffsetDateTime.class);
        return new StoredRequest(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5),
                RequestState.valueOf(r.getString(6)), r.getBoolean(7), r.getObject(8, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(decided).map(OffsetDateTime::toInstant), Optional.ofNullable(r.getString(10)),
                Optional.ofNullable(r.getString(11)));
    }
}
