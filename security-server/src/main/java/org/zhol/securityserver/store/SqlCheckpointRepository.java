// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.securityserver.messagelog.LogCheckpoint;
import org.zhol.server.store.Database;

/** {@link CheckpointRepository} on the {@code ml_checkpoint} table. */
public final class SqlCheckpointRepository implements CheckpointRepository {

    private static final String SELECT = "SELECT checkpoint, signature FROM ml_checkpoint ";

    private final Database db;

    public SqlCheckpointRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(LogCheckpoint checkpoint) {
        db.transaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM ml_checkpoint WHERE tree_size = ?")) {
                exists.setLong(1, checkpoint.treeSize());
                try (ResultSet r = exists.executeQuery()) {
                    if (r.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ml_checkpoint (tree_size, root_hash, signed_at, "
                    + "checkpoint, signature) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, checkpoint.treeSize());
                s.setBytes(2, checkpoint.checkpoint().rootHash());
                s.setObject(3, OffsetDateTime.ofInstant(checkpoint.checkpoint().time(), ZoneOffset.UTC));
                s.setBytes(4, checkpoint.signed().checkpoint());
                s.setBytes(5, checkpoint.signed().signature());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<LogCheckpoint> latest() {
        return first(SELECT + "ORDER BY tree_size DESC", null, 1);
    }

    @Override
    public Optional<LogCheckpoint> find(long treeSize) {
        return first(SELECT + "WHERE tree_size = ?", treeSize, 1);
    }

    @Override
    public Optional<LogCheckpoint> firstCovering(long treeSize) {
        return first(SELECT + "WHERE tree_size >= ? ORDER BY tree_size", treeSize, 1);
    }

    @Override
    public List<LogCheckpoint> list(long beforeSize, int limit) {
        return query(SELECT + "WHERE tree_size < ? ORDER BY tree_size DESC", beforeSize, limit);
    }

    private Optional<LogCheckpoint> first(String sql, Long parameter, int limit) {
        List<LogCheckpoint> found = query(sql, parameter, limit);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<LogCheckpoint> query(String sql, Long parameter, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parameter != null) {
                    s.setLong(1, parameter);
                }
                s.setMaxRows(limit);
                return checkpoints(s);
            }
        });
    }

    private static List<LogCheckpoint> checkpoints(PreparedStatement s) throws SQLException {
        List<LogCheckpoint> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                SignedCheckpoint signed = new SignedCheckpoint(r.getBytes(1), r.getBytes(2));
                found.add(new LogCheckpoint(Checkpoint.decode(signed.checkpoint()), signed));
            }
        }
        return found;
    }
}
