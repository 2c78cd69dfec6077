// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.EvidenceRecords;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.protocol.tsp.TspClient;
import org.zhol.protocol.tsp.TspClientConfig;
import org.zhol.securityserver.store.TimestampRepository;

/**
 * Timestamp renewal of evidence records (protocol-spec {@code docs/log.md} §7, RFC 4998 §5.2): a batch
 * whose newest token comes from a TSA certificate that expires within {@code renewBefore} gets one new
 * token over the hash of that token, from an approved TSA whose certificate lasts longer, and every
 * evidence record of the batch still kept (and the checkpoint's) has it appended. The records of one
 * batch share their tokens, so one renewal token serves the whole batch.
 *
 * <p><b>Pitfalls:</b> containers already exported or archived keep their old evidence records: renewal
 * reaches only what the database still holds. Hash-tree renewal (a new hash algorithm) is not done.
 */
final class EvidenceRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceRenewal.class);
    private static final int BATCHES_PER_RUN = 100;

    private final TspClientConfig tsp;
    private final TimestampRepository timestamps;

    EvidenceRenewal(TspClientConfig tsp, TimestampRepository timestamps) {
        this.tsp = tsp;
        this.timestamps = timestamps;
    }

    /**
     * Renews every batch whose newest TSA certificate expires before {@code dueBefore}.
     *
     * @return how many batches were renewed
     * @throws ZholException {@code TimestampingFailed} when no approved TSA's certificate lasts past
     *                       {@code dueBefore} or none gives a token; batches renewed before stay renewed
     */
    int renewDue(TrustAnchors trust, Instant dueBefore) {
        List<LogTimestamp> due = timestamps.renewalsDue(dueBefore, BATCHES_PER_RUN);
        if (due.isEmpty()) {
            return 0;
        }
        List<ApprovedTsa> lasting = trust.approvedTsas().stream()
                .filter(t -> t.certificate().getNotAfter().toInstant().isAfter(dueBefore)).toList();
        if (lasting.isEmpty()) {
            throw ZholException.of(ErrorCode.TIMESTAMPING_FAILED, Origin.THIS_SERVER, "Evidence records are due for "
                    + "renewal, but no approved TSA has a certificate valid after " + dueBefore);
        }
        try (TspClient client = new TspClient(tsp, new TimestampVerifier(lasting, Optional.empty()))) {
            for (LogTimestamp batch : due) {
                renew(batch, client);
            }
        }
        return due.size();
    }

    private void renew(LogTimestamp batch, TspClient client) {
        byte[] checkpointEvidence = batch.checkpointEvidence();
        byte[] imprint = EvidenceRecords.renewalImprint(checkpointEvidence);
        SortedMap<Long, byte[]> records = timestamps.batchEvidence(batch);
        for (Map.Entry<Long, byte[]> record : records.entrySet()) {
            if (!Arrays.equals(EvidenceRecords.renewalImprint(record.getValue()), imprint)) {
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "The evidence record of record "
                        + record.getKey() + " does not share its batch's newest token", null);
            }
        }
        TimestampToken token = client.stamp(imprint);
        SortedMap<Long, byte[]> renewed = new TreeMap<>();
        records.forEach((leaf, evidence) -> renewed.put(leaf, EvidenceRecords.renew(evidence, token)));
        Instant notAfter = token.tsaCertificate().orElseThrow().getNotAfter().toInstant();
        timestamps.renew(batch, EvidenceRecords.renew(checkpointEvidence, token), renewed, notAfter);
        LOG.info("Renewed the evidence records of records {} to {} ({} kept) with a token valid until {}",
                batch.firstLeaf(), batch.endLeaf() - 1, records.size(), notAfter);
    }
}
