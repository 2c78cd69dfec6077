// SPDX-License-Identifier: MIT
package org.zhol.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiToken;
import org.zhol.server.admin.ApiTokenStore;

/** {@link ApiTokenStore} on the {@code api_token} table of migration {@code db/support}. */
public final class SqlApiTokenStore implements ApiTokenStore {

    private static final String COLUMNS = "id, name, role, created_at, revoked";

    private final Database db;

    public SqlApiTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public ApiToken insert(String name, ApiRole role, String tokenHash) {
        return db.transaction(c -> {
            if (find(c, "name", name).isPresent()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "A token named '" + name + "' exists already");
            }
            Instant now = Instant.now();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO api_token (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, name);
                s.setString(2, role.name());
                s.setString(3, tokenHash);
                s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new ApiToken(keys.getLong(1), name, role, now, false);
                }
            }
        });
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return db.transaction(c -> find(c, "token_hash", tokenHash));
    }

    @Override
    public List<ApiToken> list() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token ORDER BY id");
                    ResultSet r = s.executeQuery()) {
                List<ApiToken> all = new ArrayList<>();
                while (r.next()) {
                    all.add(read(r));
                }
                return all;
            }
        });
    }

    @Override
    public boolean revoke(String name) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE api_token SET revoked = TRUE WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static Optional<ApiToken> find(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM api_token WHERE " + column + " = ?")) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    private static ApiToken read(ResultSet r) throws SQLException {
        return new ApiToken(r.getLong("id"), r.getString("name"), ApiRole.valueOf(r.getString("role")),
                r.getObject("created_at", OffsetDateTime.class).toInstant(), r.getBoolean("revoked"));
    }
}
