// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.MerkleFrontier;
import org.zhol.securityserver.messagelog.BodyInfo;
import org.zhol.securityserver.messagelog.LogMode;
import org.zhol.securityserver.messagelog.LoggedRecord;
import org.zhol.securityserver.messagelog.NewRecord;
import org.zhol.securityserver.messagelog.RecordOpening;
import org.zhol.securityserver.messagelog.RecordTrailer;
import org.zhol.securityserver.messagelog.Side;
import org.zhol.securityserver.messagelog.StoredRecord;
import org.zhol.server.store.Database;

/** {@link LogRecordRepository} on the {@code ml_record} and {@code ml_tree_node} tables. */
public final class SqlLogRecordRepository implements LogRecordRepository {

    private static final String COLUMNS = "leaf_index, logged_at, message_id, direction, side, client, service, "
            + "metadata_xml, head_json, body_mode, body_storage, body_length, body_sha256, manifest, signature_cms, "
            + "batch_root, batch_proof, peer_checkpoint, leaf_hash, log_entry";
    private static final String INSERT_RECORD = "INSERT INTO ml_record (" + COLUMNS
            + ", body_inline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NODE = "INSERT INTO ml_tree_node (tree_level, node_index, hash) VALUES (?, ?, ?)";

    private final Database db;
    private final AtomicLong transactions = new AtomicLong();

    public SqlLogRecordRepository(Database db) {
        this.db = db;
    }

    @Override
    public void append(List<NewRecord> records, List<MerkleFrontier.SubtreeNode> nodes) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_RECORD)) {
                for (NewRecord record : records) {
                    bind(s, record);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_NODE)) {
                for (MerkleFrontier.SubtreeNode node : nodes) {
                    s.setInt(1, node.level());
                    s.setLong(2, node.index());
                    s.setBytes(3, node.hash());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
        transactions.incrementAndGet();
    }

    private static void bind(PreparedStatement s, NewRecord row) throws SQLException {
        StoredRecord record = row.record();
        RecordOpening opening = record.opening();
        RecordTrailer trailer = record.trailer();
        BodyInfo body = record.body();
        s.setLong(1, record.leafIndex());
        s.setObject(2, OffsetDateTime.ofInstant(record.logged().loggedAt(), ZoneOffset.UTC));
        s.setString(3, opening.messageId());
        s.setString(4, opening.direction().name());
        s.setString(5, opening.side().name());
        s.setString(6, opening.client().toPath());
        s.setString(7, opening.service().toPath());
        s.setBytes(8, opening.metadataXml());
        s.setBytes(9, opening.headJson());
        s.setString(10, body.mode().name());
        s.setString(11, body.storage().name());
        s.setLong(12, body.length());
        s.setBytes(13, body.sha256());
        s.setBytes(14, trailer.manifest());
        s.setBytes(15, trailer.signature().cms());
        if (trailer.signature() instanceof MessageSignature.Batch batch) {
            s.setBytes(16, batch.batchRoot());
            s.setBytes(17, InclusionProofCodec.encode(batch.proof()));
        } else {
            s.setBytes(16, null);
            s.setBytes(17, null);
        }
        s.setBytes(18, trailer.peerCheckpoint().map(SignedCheckpoint::encode).orElse(null));
        s.setBytes(19, record.logged().leafHash());
        s.setBytes(20, record.entry().encode());
        s.setBytes(21, row.inlineBody().orElse(null));
    }

    @Override
    public long treeSize() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MAX(node_index) FROM ml_tree_node WHERE tree_level = 0"); ResultSet r = s.executeQuery()) {
                r.next();
                long max = r.getLong(1);
                return r.wasNull() ? 0L : max + 1;
            }
        });
    }

    @Override
    public java.util.OptionalLong firstUnmatchedLeaf(long from) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(n.node_index) FROM ml_tree_node n"
                    + " LEFT JOIN ml_record r ON r.leaf_index = n.node_index"
                    + " WHERE n.tree_level = 0 AND n.node_index >= ? AND (r.leaf_index IS NULL OR r.leaf_hash <> n.hash)")) {
                s.setLong(1, from);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long leaf = r.getLong(1);
                    return r.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(leaf);
                }
            }
        });
    }

    @Override
    public byte[] hash(int level, long index) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT hash FROM ml_tree_node WHERE tree_level = ? AND node_index = ?")) {
                s.setInt(1, level);
                s.setLong(2, index);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "The message log has no tree node "
                                + level + "/" + index, null);
                    }
                    return r.getBytes(1);
                }
            }
        });
    }

    @Override
    public Optional<StoredRecord> find(long leafIndex) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM ml_record WHERE leaf_index = ?")) {
                s.setLong(1, leafIndex);
                List<StoredRecord> found = records(s);
                return found.isEmpty() ? Optional.<StoredRecord>empty() : Optional.of(found.getFirst());
            }
        });
    }

    @Override
    public List<StoredRecord> findByMessage(String messageId, Direction direction) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM ml_record WHERE message_id = ? AND direction = ? ORDER BY leaf_index")) {
                s.setString(1, messageId);
                s.setString(2, direction.name());
                return records(s);
            }
        });
    }

    @Override
    public List<LogEntry> entries(long from, long to) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT log_entry FROM ml_record WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index")) {
                s.setLong(1, from);
                s.setLong(2, to);
                List<LogEntry> entries = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        entries.add(LogEntry.decode(r.getBytes(1)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public Optional<byte[]> inlineBody(long leafIndex) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body_inline FROM ml_record WHERE leaf_index = ?")) {
                s.setLong(1, leafIndex);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public Optional<Instant> loggedAt(long leafIndex) {
        return db.transaction(c -> loggedAt(c, leafIndex));
    }

    private static Optional<Instant> loggedAt(Connection c, long leafIndex) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT logged_at FROM ml_record WHERE leaf_index = ?")) {
            s.setLong(1, leafIndex);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        }
    }

    @Override
    public long appendTransactions() {
        return transactions.get();
    }

    private static List<StoredRecord> records(PreparedStatement s) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                records.add(record(r));
            }
        }
        return records;
    }

    private static StoredRecord record(ResultSet r) throws SQLException {
        LoggedRecord logged = new LoggedRecord(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                r.getBytes(19));
        RecordOpening opening = new RecordOpening(Direction.valueOf(r.getString(4)), Side.valueOf(r.getString(5)),
                r.getString(3), ClientId.parse(r.getString(6)), ServiceId.parse(r.getString(7)), r.getBytes(8),
                r.getBytes(9));
        BodyInfo body = new BodyInfo(LogMode.valueOf(r.getString(10)), BodyInfo.Storage.valueOf(r.getString(11)),
                r.getLong(12), r.getBytes(13));
        byte[] batchRoot = r.getBytes(16);
        MessageSignature signature = batchRoot == null ? new MessageSignature.Single(r.getBytes(15))
                : new MessageSignature.Batch(batchRoot, r.getBytes(15),
                        InclusionProofCodec.decode(r.getBytes(17), ManifestLimits.DEFAULT));
        RecordTrailer trailer = new RecordTrailer(r.getBytes(14), signature,
                Optional.ofNullable(r.getBytes(18)).map(SignedCheckpoint::decode));
        return new StoredRecord(logged, opening, body, trailer, LogEntry.decode(r.getBytes(20)));
    }
}
