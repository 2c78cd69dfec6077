// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.AsicLayout;
import org.zhol.protocol.evidence.LoggedMessage;
import org.zhol.protocol.evidence.LoggedObject;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;

/**
 * A record's leaf ({@link LogEntry}, protocol-spec {@code docs/log.md} §1), after checking that the
 * manifest lists exactly the data objects the log received, and the files its evidence record covers.
 */
final class LogEntries {

    /** The data objects of a message (transport.md). */
    static final String METADATA = "metadata.xml";
    static final String HEAD = "head.json";
    static final String BODY = "body";

    private LogEntries() {
    }

    /**
     * The record as protocol-spec's evidence sees it, with only the digests of its data objects.
     *
     * @throws ZholException {@code LoggingFailed} when the manifest cannot be read, or does not list
     *                       exactly {@code metadata.xml}, {@code head.json} and {@code body} with these
     *                       digests, or refers to another signature file than the container's
     */
    static LoggedMessage message(SecurityServerId logId, RecordOpening opening, byte[] bodyDigest,
            RecordTrailer trailer) {
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
        List<LoggedObject> objects = new ArrayList<>();
        for (DataObject object : manifest.dataObjects()) {
            byte[] digest = ours.remove(object.uri());
            if (digest == null || !Arrays.equals(digest, object.digest())) {
                throw LogFaults.loggingFailed(opening.side(), "The manifest does not match the logged data object '"
                        + object.uri() + "'", null);
            }
            objects.add(LoggedObject.digestOnly(object.uri(), digest));
        }
        if (!ours.isEmpty()) {
            throw LogFaults.loggingFailed(opening.side(), "The manifest does not list " + ours.keySet(), null);
        }
        try {
            return new LoggedMessage(logId, opening.direction(), opening.messageId(), objects, trailer.manifest(),
                    trailer.signature().cms(), trailer.peerCheckpoint());
        } catch (IllegalArgumentException e) {
            throw LogFaults.loggingFailed(opening.side(), "The message cannot be logged: " + e.getMessage(), e);
        }
    }

    /**
     * The files of a record that its time-stamping batch covers (log.md §6): its data objects, manifest
     * and signature; not the peer's checkpoint.
     */
    static List<EntryDigest> stampedFiles(LogEntry entry) {
        return entry.entries().stream().filter(e -> !e.name().equals(AsicLayout.PEER_CHECKPOINT)
                && !e.name().equals(AsicLayout.PEER_CHECKPOINT_SIGNATURE)).toList();
    }
}
