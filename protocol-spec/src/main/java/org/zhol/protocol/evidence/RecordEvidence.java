// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.util.Objects;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.merkle.InclusionProof;

/**
 * The stamped pieces of one record, as a message log keeps them after its batch was stamped.
 *
 * @param evidenceRecord           the record's DER evidence record ({@link EvidenceBatch.Stamped})
 * @param checkpoint               the checkpoint stamped with the batch
 * @param checkpointEvidenceRecord the checkpoint's DER evidence record from the same batch
 * @param inclusionProof           the record's leaf in that checkpoint's tree
 */
public record RecordEvidence(byte[] evidenceRecord, SignedCheckpoint checkpoint, byte[] checkpointEvidenceRecord,
        InclusionProof inclusionProof) {

    public RecordEvidence {
        evidenceRecord = evidenceRecord.clone();
        Objects.requireNonNull(checkpoint, "checkpoint");
        checkpointEvidenceRecord = checkpointEvidenceRecord.clone();
        Objects.requireNonNull(inclusionProof, "inclusionProof");
    }

    @Override
    public byte[] evidenceRecord() {
        return evidenceRecord.clone();
    }

    @Override
    public byte[] checkpointEvidenceRecord() {
        return checkpointEvidenceRecord.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordEvidence that && java.util.Arrays.equals(evidenceRecord, that.evidenceRecord)
                && checkpoint.equals(that.checkpoint)
                && java.util.Arrays.equals(checkpointEvidenceRecord, that.checkpointEvidenceRecord)
                && inclusionProof.equals(that.inclusionProof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(evidenceRecord), checkpoint,
                java.util.Arrays.hashCode(checkpointEvidenceRecord), inclusionProof);
    }

    @Override
    public String toString() {
        return "RecordEvidence[" + checkpoint + ", " + inclusionProof + "]";
    }
}
