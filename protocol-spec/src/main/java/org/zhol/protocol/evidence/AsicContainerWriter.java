// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.InclusionProofCodec;

/**
 * Writes a record's ASiC-E evidence container (ETSI EN 319 162-1; layout in evidence.md §2): the
 * stored {@code mimetype} first, the kept data objects, the signed manifest and its CAdES signature,
 * the evidence record with its {@code ASiCEvidenceRecordManifest}, and Zhol's files under
 * {@code META-INF/zhol/}. Data objects stream from their {@link BodySource}s; everything else is small.
 *
 * <p>The output is reproducible: entries in a fixed order with a fixed time.
 */
public final class AsicContainerWriter {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private AsicContainerWriter() {
    }

    /**
     * Writes the container of {@code message} to {@code out} (not closed).
     *
     * @param trustSnapshotId the id of the trust snapshot to verify it with ({@link TrustSnapshot#id()})
     * @throws IOException when {@code out} or a body source fails
     */
    public static void write(LoggedMessage message, RecordEvidence evidence, String trustSnapshotId, OutputStream out)
            throws IOException {
        if (!trustSnapshotId.matches(TrustSnapshot.ID_PATTERN)) {
            throw new IllegalArgumentException("not a trust snapshot id");
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        stored(zip, AsicLayout.MIMETYPE, AsicLayout.ASIC_E_MIME_TYPE.getBytes(StandardCharsets.US_ASCII));
        for (LoggedObject object : message.dataObjects()) {
            if (object.content().isPresent()) {
                zip.putNextEntry(entry(object.name()));
                try (InputStream in = object.content().get().open()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        deflated(zip, AsicLayout.MANIFEST, message.manifest());
        deflated(zip, AsicLayout.SIGNATURE, message.signature());
        deflated(zip, AsicLayout.EVIDENCE_RECORD_MANIFEST, evidenceRecordManifest(message));
        byte[] ers = evidence.evidenceRecord();
        deflated(zip, AsicLayout.EVIDENCE_RECORD, ers);
        deflated(zip, AsicLayout.RECORD, message.entry().encode());
        deflated(zip, AsicLayout.CHECKPOINT, evidence.checkpoint().checkpoint());
        deflated(zip, AsicLayout.CHECKPOINT_SIGNATURE, evidence.checkpoint().signature());
        deflated(zip, AsicLayout.CHECKPOINT_EVIDENCE_RECORD, evidence.checkpointEvidenceRecord());
        deflated(zip, AsicLayout.INCLUSION_PROOF, InclusionProofCodec.encode(evidence.inclusionProof()));
        deflated(zip, AsicLayout.TIMESTAMP, EvidenceRecords.tokens(ers).getFirst());
        deflated(zip, AsicLayout.TRUST_SNAPSHOT_ID, (trustSnapshotId + "\n").getBytes(StandardCharsets.US_ASCII));
        if (message.peerCheckpoint().isPresent()) {
            SignedCheckpoint peer = message.peerCheckpoint().get();
            deflated(zip, AsicLayout.PEER_CHECKPOINT, peer.checkpoint());
            deflated(zip, AsicLayout.PEER_CHECKPOINT_SIGNATURE, peer.signature());
        }
        zip.finish();
    }

    /** The container as bytes (for tests and small records). */
    public static byte[] toBytes(LoggedMessage message, RecordEvidence evidence, String trustSnapshotId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(message, evidence, trustSnapshotId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The {@code ASiCEvidenceRecordManifest}: an {@code ASiCManifest} whose {@code SigReference} names the
     * evidence record and whose {@code DataObjectReference}s list the covered files with SHA-256, in the
     * canonical form of {@link ManifestCodec}.
     */
    public static byte[] evidenceRecordManifest(LoggedMessage message) {
        return evidenceRecordManifest(message.manifest(), message.signature());
    }

    /** The {@code ASiCEvidenceRecordManifest} for a signed manifest and its signature. */
    public static byte[] evidenceRecordManifest(byte[] manifest, byte[] signature) {
        return evidenceRecordManifest(ManifestCodec.decode(manifest, ManifestLimits.DEFAULT), manifest, signature);
    }

    /** The same, for a manifest already decoded from {@code manifest}. */
    public static byte[] evidenceRecordManifest(Manifest decoded, byte[] manifest, byte[] signature) {
        List<DataObject> listed = decoded.dataObjects();
        List<DataObject> covered = new ArrayList<>(listed);
        covered.add(new DataObject(AsicLayout.MANIFEST, "text/xml", org.zhol.protocol.log.EntryDigest.sha256(manifest)));
        covered.add(new DataObject(AsicLayout.SIGNATURE, Manifest.CADES_MIME_TYPE,
                org.zhol.protocol.log.EntryDigest.sha256(signature)));
        return ManifestCodec.encode(new Manifest(AsicLayout.EVIDENCE_RECORD, AsicLayout.EVIDENCE_RECORD_MIME_TYPE,
                covered));
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = entry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
