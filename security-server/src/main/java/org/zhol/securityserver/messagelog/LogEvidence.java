// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.AsicContainerWriter;
import org.zhol.protocol.evidence.BodySource;
import org.zhol.protocol.evidence.LoggedMessage;
import org.zhol.protocol.evidence.LoggedObject;
import org.zhol.protocol.evidence.RecordEvidence;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.merkle.ConsistencyProof;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.merkle.MerkleProofs;
import org.zhol.securityserver.store.CheckpointRepository;
import org.zhol.securityserver.store.TimestampRepository;

/**
 * What the log proves to its operator and to auditors: inclusion proofs (record → checkpoint),
 * consistency proofs (checkpoint → later checkpoint), the signed checkpoints, each record's ASiC-E
 * evidence container and the trust snapshot to verify it with (protocol-spec {@code docs/log.md},
 * {@code docs/evidence.md}).
 */
public final class LogEvidence {

    /**
     * An inclusion proof.
     *
     * @param leafHash   the record's leaf hash
     * @param checkpoint the signed checkpoint the proof leads to
     * @param proof      the audit path
     */
    public record Inclusion(byte[] leafHash, LogCheckpoint checkpoint, InclusionProof proof) {
        public Inclusion {
            leafHash = leafHash.clone();
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(proof, "proof");
        }

        @Override
        public byte[] leafHash() {
            return leafHash.clone();
        }
    }

    /**
     * A consistency proof between two sizes, with the checkpoints this server signed at those sizes.
     *
     * @param proof the proof
     * @param from  the signed checkpoint of the smaller size, if one was signed at exactly that size
     * @param to    the signed checkpoint of the larger size, if one was signed at exactly that size
     */
    public record Consistency(ConsistencyProof proof, Optional<LogCheckpoint> from, Optional<LogCheckpoint> to) {
        public Consistency {
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final MessageLog log;
    private final CheckpointRepository checkpoints;
    private final TimestampRepository timestamps;
    private final Supplier<GlobalConfiguration> configuration;

    /**
     * @param configuration the global configuration held now (may throw when none is): the trust
     *                      snapshot that exported containers name
     */
    public LogEvidence(MessageLog log, CheckpointRepository checkpoints, TimestampRepository timestamps,
            Supplier<GlobalConfiguration> configuration) {
        this.log = Objects.requireNonNull(log, "log");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * The inclusion proof of record {@code leafIndex} in the signed checkpoint of {@code treeSize}, or in
     * the latest checkpoint.
     *
     * @throws ZholException {@code NotFound} when there is no such record or checkpoint, or the checkpoint
     *                       does not cover the record
     */
    public Inclusion inclusion(long leafIndex, OptionalLong treeSize) {
        LogCheckpoint checkpoint = (treeSize.isPresent() ? checkpoints.find(treeSize.getAsLong())
                : checkpoints.latest()).orElseThrow(() -> notFound("No such checkpoint"));
        if (leafIndex < 0 || leafIndex >= checkpoint.treeSize()) {
            throw notFound("Checkpoint " + checkpoint.treeSize() + " does not cover record " + leafIndex);
        }
        InclusionProof proof = MerkleProofs.inclusionProof(log.tree(), leafIndex, checkpoint.treeSize());
        return new Inclusion(log.tree().hash(0, leafIndex), checkpoint, proof);
    }

    /**
     * The consistency proof from the log's first {@code from} records to its first {@code to} (by
     * default, the latest checkpoint's size).
     *
     * @throws ZholException {@code BadRequest} unless {@code 1 <= from <= to <= size}
     */
    public Consistency consistency(long from, OptionalLong to) {
        long end = to.isPresent() ? to.getAsLong()
                : checkpoints.latest().map(LogCheckpoint::treeSize).orElseThrow(() -> notFound("No checkpoint yet"));
        if (from < 1 || from > end || end > log.size()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A consistency proof needs 1 <= from <= to <= "
                    + log.size() + ", not " + from + " and " + end);
        }
        return new Consistency(MerkleProofs.consistencyProof(log.tree(), from, end), checkpoints.find(from),
                checkpoints.find(end));
    }

    /** Up to {@code limit} signed checkpoints below {@code beforeSize}, largest first. */
    public List<LogCheckpoint> checkpoints(long beforeSize, int limit) {
        return checkpoints.list(beforeSize, limit);
    }

    /** The signed checkpoint of exactly {@code treeSize}. */
    public Optional<LogCheckpoint> checkpoint(long treeSize) {
        return checkpoints.find(treeSize);
    }

    /**
     * The record of a message id and direction: the one at {@code leafIndex}, or the latest.
     *
     * @throws ZholException {@code NotFound} when there is none
     */
    public StoredRecord record(String messageId, Direction direction, OptionalLong leafIndex) {
        List<StoredRecord> found = log.find(messageId, direction);
        return (leafIndex.isPresent() ? found.stream().filter(r -> r.leafIndex() == leafIndex.getAsLong()).findFirst()
                : found.stream().reduce((a, b) -> b)).orElseThrow(() -> notFound("No " + direction.text()
                        + " with message id '" + messageId + "' is in the log"));
    }

    /**
     * Writes the record's ASiC-E evidence container to {@code out} (not closed): its data objects (the body
     * streams from the store), signed manifest, signature, evidence record, stamped checkpoint with its
     * evidence record and the record's inclusion proof in it, and the current trust snapshot's id.
     *
     * @throws ZholException {@code NotFound} while the record is not time-stamped yet; {@code IOError}
     */
    public void export(StoredRecord record, OutputStream out) {
        long leaf = record.leafIndex();
        byte[] evidenceRecord = timestamps.evidence(leaf).orElseThrow(() -> notFound("Record " + leaf
                + " is not time-stamped yet; try again after the next time-stamp"));
        LogTimestamp stamp = timestamps.covering(leaf).orElseThrow(() -> notFound("No time-stamp covers " + leaf));
        LogCheckpoint checkpoint = checkpoints.find(stamp.checkpointSize()).orElseThrow(
                () -> notFound("The stamped checkpoint " + stamp.checkpointSize() + " is missing"));
        RecordEvidence evidence = new RecordEvidence(evidenceRecord, checkpoint.signed(), stamp.checkpointEvidence(),
                MerkleProofs.inclusionProof(log.tree(), leaf, checkpoint.treeSize()));
        try {
            AsicContainerWriter.write(message(record), evidence, trustSnapshot().id(), out);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write the evidence container of record " + leaf,
                    e);
        }
    }

    /** The trust snapshot of the configuration held now: what exported containers are verified with. */
    public TrustSnapshot trustSnapshot() {
        return TrustSnapshot.of(configuration.get());
    }

    private LoggedMessage message(StoredRecord record) {
        List<LoggedObject> objects = new ArrayList<>();
        for (EntryDigest entry : LogEntries.stampedFiles(record.entry())) {
            String name = entry.name();
            switch (name) {
                case LogEntries.METADATA -> objects.add(LoggedObject.of(name, record.opening().metadataXml()));
                case LogEntries.HEAD -> objects.add(LoggedObject.of(name, record.opening().headJson()));
                case LogEntries.BODY -> objects.add(record.body().mode() == LogMode.METADATA_ONLY
                        ? LoggedObject.digestOnly(name, entry.sha256())
                        : new LoggedObject(name, entry.sha256(), Optional.of(body(record))));
                default -> {
                    // the manifest and signature follow the data objects in the entry
                }
            }
        }
        RecordTrailer trailer = record.trailer();
        return new LoggedMessage(log.logId(), record.opening().direction(), record.opening().messageId(), objects,
                trailer.manifest(), trailer.signature().cms(), trailer.peerCheckpoint());
    }

    private BodySource body(StoredRecord record) {
        return () -> {
            Optional<InputStream> in = log.body(record);
            if (in.isEmpty()) {
                throw new IOException("the body of record " + record.leafIndex() + " is not stored");
            }
            return in.get();
        };
    }

    private static ZholException notFound(String detail) {
        return ZholException.client(ErrorCode.NOT_FOUND, detail);
    }
}
