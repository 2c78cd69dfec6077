// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.securityserver.messagelog.BodyInfo;
import org.zhol.securityserver.messagelog.LogArchive;
import org.zhol.server.store.Database;

/** {@link ArchiveRepository} on the {@code ml_archive} table and {@code ml_record.archive_id}. */
public final class SqlArchiveRepository implements ArchiveRepository {

    private static final String SELECT = "SELECT sequence, file_name, sha256, first_leaf, end_leaf, created_at "
            + "FROM ml_archive ";

    private final Database db;

    public SqlArchiveRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(LogArchive archive) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ml_archive (sequence, file_name, sha256, "
                    + "first_leaf, end_leaf, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, archive.sequence());
                s.setString(2, archive.fileName());
                s.setBytes(3, archive.sha256());
                s.setLong(4, archive.firstLeaf());
                s.setLong(5, archive.endLeaf());
                s.setObject(6, OffsetDateTime.ofInstant(archive.createdAt(), ZoneOffset.UTC));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE ml_record SET archive_id = ? WHERE leaf_index >= ? AND leaf_index < ?")) {
                s.setLong(1, archive.sequence());
                s.setLong(2, archive.firstLeaf());
                s.setLong(3, archive.endLeaf());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<LogArchive> latest() {
        List<LogArchive> found = query(SELECT + "ORDER BY sequence DESC", Long.MAX_VALUE, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<LogArchive> list(long before, int limit) {
        return query(SELECT + "WHERE sequence < ? ORDER BY sequence DESC", before, limit);
    }

    private List<LogArchive> query(String sql, long before, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    s.setLong(1, before);
                }
                s.setMaxRows(limit);
                List<LogArchive> found = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.add(new LogArchive(r.getLong(1), r.getString(2), r.getBytes(3), r.getLong(4), r.getLong(5),
                                r.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Cleaned clean(Instant before, int limit) {
        return db.transaction(c -> {
            List<Long> leaves = new ArrayList<>();
            List<Long> files = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT leaf_index, body_storage FROM ml_record "
                    + "WHERE archive_id IS NOT NULL AND logged_at < ? ORDER BY leaf_index")) {
                s.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
                s.setMaxRows(limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        leaves.add(r.getLong(1));
                        if (BodyInfo.Storage.FILE.name().equals(r.getString(2))) {
                            files.add(r.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement record = c.prepareStatement("DELETE FROM ml_record WHERE leaf_index = ? "
                    + "AND archive_id IS NOT NULL");
                    PreparedStatement evidence = c.prepareStatement("DELETE FROM ml_evidence_record WHERE leaf_index = ?")) {
                for (long leaf : leaves) {
                    record.setLong(1, leaf);
                    record.addBatch();
                    evidence.setLong(1, leaf);
                    evidence.addBatch();
                }
                record.executeBatch();
                evidence.executeBatch();
            }
            return new Cleaned(leaves.size(), files);
        });
    }
}
