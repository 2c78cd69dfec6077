// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.securityserver.messagelog.LogTimestamp;
import org.zhol.server.store.Database;

/** {@link TimestampRepository} on the {@code ml_timestamp} table. */
public final class SqlTimestampRepository implements TimestampRepository {

    private static final String SELECT = "SELECT tree_size, first_leaf, token, tsa_name FROM ml_timestamp ";

    private final Database db;

    public SqlTimestampRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(LogTimestamp timestamp) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ml_timestamp (tree_size, first_leaf, gen_time, "
                    + "tsa_name, token) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, timestamp.treeSize());
                s.setLong(2, timestamp.firstLeaf());
                s.setObject(3, OffsetDateTime.ofInstant(timestamp.genTime(), ZoneOffset.UTC));
                s.setString(4, timestamp.tsaName());
                s.setBytes(5, timestamp.token().encoded());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LogTimestamp> latest() {
        return first(query(SELECT + "ORDER BY tree_size DESC", null, 1));
    }

    @Override
    public Optional<LogTimestamp> covering(long leafIndex) {
        return first(query(SELECT + "WHERE first_leaf <= ? AND tree_size > ? ORDER BY tree_size", leafIndex, 1));
    }

    @Override
    public List<LogTimestamp> list(long beforeSize, int limit) {
        return query(SELECT + "WHERE tree_size < ? ORDER BY tree_size DESC", beforeSize, limit);
    }

    private static Optional<LogTimestamp> first(List<LogTimestamp> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<LogTimestamp> query(String sql, Long parameter, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int slots = (int) sql.chars().filter(ch -> ch == '?').count();
                for (int i = 1; i <= slots; i++) {
                    s.setLong(i, parameter);
                }
                s.setMaxRows(limit);
                List<LogTimestamp> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new LogTimestamp(r.getLong(1), r.getLong(2), TimestampToken.decode(r.getBytes(3)),
                                r.getString(4)));
                    }
                }
                return found;
            }
        });
    }
}
