// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.util.List;

/** The fixed entry names of a Zhol evidence container (evidence.md §2). */
public final class AsicLayout {

    /** The first entry, stored uncompressed. */
    public static final String MIMETYPE = "mimetype";
    /** The content of {@link #MIMETYPE}: ASiC-E (ETSI EN 319 162-1). */
    public static final String ASIC_E_MIME_TYPE = "application/vnd.etsi.asic-e+zip";
    /** The signed manifest. */
    public static final String MANIFEST = "META-INF/ASiCManifest.xml";
    /** The CAdES signature over the manifest (the manifest's SigReference). */
    public static final String SIGNATURE = "META-INF/signature.p7s";
    /** The record's RFC 4998 evidence record. */
    public static final String EVIDENCE_RECORD = "META-INF/evidencerecord.ers";
    /** The manifest linking the evidence record to the files it covers. */
    public static final String EVIDENCE_RECORD_MANIFEST = "META-INF/ASiCEvidenceRecordManifest.xml";
    /** The MIME type given for the evidence record in its manifest's SigReference. */
    public static final String EVIDENCE_RECORD_MIME_TYPE = "application/octet-stream";
    /** Zhol's own files live below this folder. */
    public static final String ZHOL = "META-INF/zhol/";
    /** The log entry (the record's leaf data). */
    public static final String RECORD = ZHOL + "record.txt";
    /** The stamped checkpoint. */
    public static final String CHECKPOINT = ZHOL + "checkpoint.txt";
    /** The stamped checkpoint's CAdES signature. */
    public static final String CHECKPOINT_SIGNATURE = ZHOL + "checkpoint.p7s";
    /** The stamped checkpoint's evidence record (same batch, same token). */
    public static final String CHECKPOINT_EVIDENCE_RECORD = ZHOL + "checkpoint.ers";
    /** The inclusion proof of the record in the stamped checkpoint. */
    public static final String INCLUSION_PROOF = ZHOL + "inclusion.xml";
    /** A copy of the batch's RFC 3161 token, for tools such as {@code openssl ts}. */
    public static final String TIMESTAMP = ZHOL + "timestamp.tst";
    /** The id of the trust snapshot the container is to be verified with. */
    public static final String TRUST_SNAPSHOT_ID = ZHOL + "trust-snapshot.txt";
    /** The peer's checkpoint that came with the message, if any. */
    public static final String PEER_CHECKPOINT = ZHOL + "peer-checkpoint.txt";
    /** Its signature. */
    public static final String PEER_CHECKPOINT_SIGNATURE = ZHOL + "peer-checkpoint.p7s";

    /** The META-INF files every container has, in the order the writer puts them. */
    public static final List<String> REQUIRED = List.of(MANIFEST, SIGNATURE, EVIDENCE_RECORD_MANIFEST,
            EVIDENCE_RECORD, RECORD, CHECKPOINT, CHECKPOINT_SIGNATURE, CHECKPOINT_EVIDENCE_RECORD, INCLUSION_PROOF,
            TIMESTAMP, TRUST_SNAPSHOT_ID);
    /** The META-INF files a container may have. */
    public static final List<String> OPTIONAL = List.of(PEER_CHECKPOINT, PEER_CHECKPOINT_SIGNATURE);

    private AsicLayout() {
    }

    /** Whether a data object may have this name: not {@code mimetype} and not under {@code META-INF/}. */
    public static boolean isDataObjectName(String name) {
        return !name.equals(MIMETYPE) && !name.startsWith("META-INF/");
    }
}
