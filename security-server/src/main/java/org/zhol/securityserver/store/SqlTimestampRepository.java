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
import java.util.SortedMap;
import java.util.TreeMap;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.securityserver.messagelog.LogTimestamp;
import org.zhol.server.store.Database;

/** {@link TimestampRepository} on the {@code ml_timestamp} and {@code ml_evidence_record} tables. */
public final class SqlTimestampRepository implements TimestampRepository {

    private static final String SELECT = "SELECT first_leaf, end_leaf, checkpoint_size, token, tsa_name, "
            + "checkpoint_evidence FROM ml_timestamp ";

    private final Database db;

    public SqlTimestampRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(LogTimestamp timestamp, List<byte[]> recordEvidence) {
        if (recordEvidence.size() != timestamp.endLeaf() - timestamp.firstLeaf()) {
            throw new IllegalArgumentException("one evidence record per record of the batch");
        }
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ml_timestamp (end_leaf, first_leaf, "
                    + "checkpoint_size, gen_time, tsa_name, token, checkpoint_evidence, tsa_not_after) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, timestamp.endLeaf());
                s.setLong(2, timestamp.firstLeaf());
                s.setLong(3, timestamp.checkpointSize());
                s.setObject(4, OffsetDateTime.ofInstant(timestamp.genTime(), ZoneOffset.UTC));
                s.setString(5, timestamp.tsaName());
                s.setBytes(6, timestamp.token().encoded());
                s.setBytes(7, timestamp.checkpointEvidence());
                s.setObject(8, OffsetDateTime.ofInstant(notAfter(timestamp.token()), ZoneOffset.UTC));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO ml_evidence_record (leaf_index, end_leaf, evidence) VALUES (?, ?, ?)")) {
                for (int i = 0; i < recordEvidence.size(); i++) {
                    s.setLong(1, timestamp.firstLeaf() + i);
                    s.setLong(2, timestamp.endLeaf());
                    s.setBytes(3, recordEvidence.get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<LogTimestamp> latest() {
        return first(query(SELECT + "ORDER BY end_leaf DESC", null, 1));
    }

    @Override
    public Optional<LogTimestamp> covering(long leafIndex) {
        return first(query(SELECT + "WHERE first_leaf <= ? AND end_leaf > ? ORDER BY end_leaf", leafIndex, 1));
    }

    @Override
    public Optional<byte[]> evidence(long leafIndex) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT evidence FROM ml_evidence_record WHERE leaf_index = ?")) {
                s.setLong(1, leafIndex);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public List<LogTimestamp> renewalsDue(Instant notAfterBefore, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + "WHERE tsa_not_after < ? ORDER BY end_leaf")) {
                s.setObject(1, OffsetDateTime.ofInstant(notAfterBefore, ZoneOffset.UTC));
                s.setMaxRows(limit);
                return read(s);
            }
        });
    }

    @Override
    public SortedMap<Long, byte[]> batchEvidence(LogTimestamp batch) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT leaf_index, evidence FROM ml_evidence_record "
                    + "WHERE end_leaf = ? ORDER BY leaf_index")) {
                s.setLong(1, batch.endLeaf());
                SortedMap<Long, byte[]> found = new TreeMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getLong(1), r.getBytes(2));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void renew(LogTimestamp batch, byte[] checkpointEvidence, SortedMap<Long, byte[]> recordEvidence,
            Instant tsaNotAfter) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE ml_timestamp SET checkpoint_evidence = ?, "
                    + "tsa_not_after = ? WHERE end_leaf = ?")) {
                s.setBytes(1, checkpointEvidence);
                s.setObject(2, OffsetDateTime.ofInstant(tsaNotAfter, ZoneOffset.UTC));
                s.setLong(3, batch.endLeaf());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE ml_evidence_record SET evidence = ? WHERE leaf_index = ?")) {
                for (var entry : recordEvidence.entrySet()) {
                    s.setBytes(1, entry.getValue());
                    s.setLong(2, entry.getKey());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<LogTimestamp> list(long endAtMost, int limit) {
        return query(SELECT + "WHERE end_leaf <= ? ORDER BY end_leaf DESC", endAtMost, limit);
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
                return read(s);
            }
        });
    }

    private static List<LogTimestamp> read(PreparedStatement s) throws SQLException {
        List<LogTimestamp> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new LogTimestamp(r.getLong(1), r.getLong(2), r.getLong(3),
                        TimestampToken.decode(r.getBytes(4)), r.getString(5), r.getBytes(6)));
            }
        }
        return found;
    }

    /** When the TSA certificate of {@code token} expires. */
    static Instant notAfter(TimestampToken token) {
        return token.tsaCertificate().orElseThrow(() -> new IllegalArgumentException("the token has no certificate"))
                .getNotAfter().toInstant();
    }
}
