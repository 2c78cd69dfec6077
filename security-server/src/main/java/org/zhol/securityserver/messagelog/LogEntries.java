// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;

/**
 * Builds a record's {@link LogEntry}, its leaf (protocol-spec {@code docs/log.md} §1): the data objects
 * in manifest order, the manifest, the signature and, when the message carried one, the peer's
 * checkpoint and its signature, each by its name in the evidence container.
 */
final class LogEntries {

    /** The data objects of a message (transport.md). */
    static final String METADATA = "metadata.xml";
    static final String HEAD = "head.json";
    static final String BODY = "body";
    /** The names of the other covered files in an evidence container (log.md §1). */
    static final String MANIFEST = "META-INF/ASiCManifest.xml";
    static final String SIGNATURE = "META-INF/signature.p7s";
    static final String PEER_CHECKPOINT = "META-INF/zhol/peer-checkpoint.txt";
    static final String PEER_CHECKPOINT_SIGNATURE = "META-INF/zhol/peer-checkpoint.p7s";

    private LogEntries() {
    }

    /**
     * The hashes of a record's data group in its time-stamping batch (log.md §6): its data objects,
     * manifest and signature; not the peer's checkpoint.
     */
    static List<EntryDigest> stampedFiles(LogEntry entry) {
        return entry.entries().stream()
                .filter(e -> !e.name().equals(PEER_CHECKPOINT) && !e.name().equals(PEER_CHECKPOINT_SIGNATURE))
                .toList();
    }

    /**
     * The entry of a record whose data objects have the given digests.
     *
     * @throws ZholException {@code LoggingFailed} when the manifest cannot be read, or does not list
     *                       exactly {@code metadata.xml}, {@code head.json} and {@code body} with these
     *                       digests
     */
    static LogEntry of(SecurityServerId logId, RecordOpening opening, byte[] bodyDigest, RecordTrailer trailer) {
        Manifest manifest;
        try {
            manifest = ManifestCodec.decode(trailer.manifest(), ManifestLimits.DEFAULT);
        } catch (ZholException e) {
            throw LogFaults.loggingFailed(opening.side(), "The manifest to log cannot be read: " + e.detail(), e);
        }
        Map<String, byte[]> ours = new HashMap<>();
        ours.put(METADATA, EntryDigest.sha256(opening.metadataXml()));
        ours.put(HEAD, EntryDigest.sha256(opening.headJson()));
        ours.put(BODY, bodyDigest);
        List<EntryDigest> entries = new ArrayList<>();
        for (DataObject object : manifest.dataObjects()) {
            byte[] digest = ours.remove(object.uri());
            if (digest == null || !Arrays.equals(digest, object.digest())) {
                throw LogFaults.loggingFailed(opening.side(), "The manifest does not match the logged data object '"
                        + object.uri() + "'", null);
            }
            entries.add(new EntryDigest(object.uri(), digest));
        }
        if (!ours.isEmpty()) {
            throw LogFaults.loggingFailed(opening.side(), "The manifest does not list " + ours.keySet(), null);
        }
        entries.add(EntryDigest.of(MANIFEST, trailer.manifest()));
        entries.add(EntryDigest.of(SIGNATURE, trailer.signature().cms()));
        trailer.peerCheckpoint().ifPresent(peer -> {
            entries.add(EntryDigest.of(PEER_CHECKPOINT, peer.checkpoint()));
            entries.add(EntryDigest.of(PEER_CHECKPOINT_SIGNATURE, peer.signature()));
        });
        return new LogEntry(logId, opening.direction(), opening.messageId(), entries);
    }
}
