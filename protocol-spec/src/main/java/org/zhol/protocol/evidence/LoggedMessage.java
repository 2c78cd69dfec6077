// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;

/**
 * One log record as a message log stores it: the signed message (data objects, manifest, CMS), who
 * logged it, which message it is, and the peer's checkpoint that came with it. It gives the record's
 * {@link #entry() leaf}, the {@link #covered() digests} that its evidence record covers, and, with the
 * stamped pieces ({@link RecordEvidence}), its container ({@link AsicContainerWriter}).
 *
 * <p>The constructor checks that the data objects are exactly those of the manifest, in order, with
 * the same digests, and that the manifest's signature reference is {@link AsicLayout#SIGNATURE}.
 *
 * @param logId          the server that logged the record
 * @param direction      request or response
 * @param messageId      the message id
 * @param dataObjects    the data objects, in manifest order
 * @param manifest       the signed manifest's bytes (copied)
 * @param signature      the CAdES signature over the manifest (copied)
 * @param peerCheckpoint the peer's signed checkpoint that came with the message, if any
 */
public record LoggedMessage(SecurityServerId logId, Direction direction, String messageId,
        List<LoggedObject> dataObjects, byte[] manifest, byte[] signature, Optional<SignedCheckpoint> peerCheckpoint) {

    public LoggedMessage {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(messageId, "messageId");
        dataObjects = List.copyOf(dataObjects);
        manifest = manifest.clone();
        signature = signature.clone();
        Objects.requireNonNull(peerCheckpoint, "peerCheckpoint");
        Manifest decoded = ManifestCodec.decode(manifest, ManifestLimits.DEFAULT);
        if (!AsicLayout.SIGNATURE.equals(decoded.signatureUri())) {
            throw new IllegalArgumentException("the manifest's signature reference is not " + AsicLayout.SIGNATURE);
        }
        List<DataObject> listed = decoded.dataObjects();
        if (listed.size() != dataObjects.size()) {
            throw new IllegalArgumentException("the data objects are not those of the manifest");
        }
        for (int i = 0; i < listed.size(); i++) {
            if (!listed.get(i).uri().equals(dataObjects.get(i).name())
                    || !Arrays.equals(listed.get(i).digest(), dataObjects.get(i).sha256())) {
                throw new IllegalArgumentException("data object " + i + " is not the one the manifest lists");
            }
        }
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The files that the record's evidence record covers, in container order: the data objects, the
     * manifest and the signature (log.md §6).
     */
    public List<EntryDigest> covered() {
        List<EntryDigest> covered = new ArrayList<>();
        dataObjects.forEach(o -> covered.add(o.digest()));
        covered.add(EntryDigest.of(AsicLayout.MANIFEST, manifest));
        covered.add(EntryDigest.of(AsicLayout.SIGNATURE, signature));
        return covered;
    }

    /** The record's log entry: its leaf data (log.md §1). */
    public LogEntry entry() {
        List<EntryDigest> entries = covered();
        peerCheckpoint.ifPresent(p -> {
            entries.add(EntryDigest.of(AsicLayout.PEER_CHECKPOINT, p.checkpoint()));
            entries.add(EntryDigest.of(AsicLayout.PEER_CHECKPOINT_SIGNATURE, p.signature()));
        });
        return new LogEntry(logId, direction, messageId, entries);
    }

    /** The RFC 9162 leaf hash to append to the log. */
    public byte[] leafHash() {
        return entry().leafHash();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedMessage that && logId.equals(that.logId) && direction == that.direction
                && messageId.equals(that.messageId) && dataObjects.equals(that.dataObjects)
                && Arrays.equals(manifest, that.manifest) && Arrays.equals(signature, that.signature)
                && peerCheckpoint.equals(that.peerCheckpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(logId, direction, messageId, dataObjects, Arrays.hashCode(manifest),
                Arrays.hashCode(signature), peerCheckpoint);
    }

    @Override
    public String toString() {
        return "LoggedMessage[" + logId.toPath() + ", " + direction.text() + ", " + messageId + ", " + dataObjects + "]";
    }
}
