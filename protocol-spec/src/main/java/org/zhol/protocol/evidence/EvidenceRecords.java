// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.IOException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * Timestamp renewal of evidence records (RFC 4998 §5.2, log.md §7): before the TSA certificate of a
 * record's last archive timestamp expires, stamp {@link #renewalImprint} and append the token with
 * {@link #renew}. Records of one batch share their token and so their renewal imprint: one renewal
 * token serves the whole batch. Pure functions over DER bytes.
 */
public final class EvidenceRecords {

    private EvidenceRecords() {
    }

    /** The SHA-256 digest that a renewal token must stamp: the hash of the last timestamp. */
    public static byte[] renewalImprint(byte[] evidenceRecord) {
        try {
            return record(evidenceRecord).generateTimeStampRenewalRequest(new TimeStampRequestGenerator())
                    .getMessageImprintDigest();
        } catch (TSPException | ERSException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot compute the renewal imprint", e);
        }
    }

    /** {@code evidenceRecord} with one more archive timestamp holding {@code token}. */
    public static byte[] renew(byte[] evidenceRecord, TimestampToken token) {
        try {
            TimeStampResponse response = new TimeStampResponse(new TimeStampResp(
                    new PKIStatusInfo(PKIStatus.granted), ContentInfo.getInstance(token.encoded())));
            return record(evidenceRecord).renewTimeStamp(response).toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (TSPException | ERSException | IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot renew the evidence record", e);
        }
    }

    /** The DER tokens of the record's archive timestamps, oldest first; unverified. */
    public static List<byte[]> tokens(byte[] evidenceRecord) {
        ArchiveTimeStamp[] stamps = Ers.parse(evidenceRecord).getArchiveTimeStampSequence()
                .getArchiveTimeStampChains()[0].getArchiveTimestamps();
        return java.util.Arrays.stream(stamps).map(s -> Ers.der(s.getTimeStamp())).toList();
    }

    private static ERSEvidenceRecord record(byte[] der) {
        try {
            return new ERSEvidenceRecord(Ers.parse(der), Ers.digests());
        } catch (TSPException | ERSException e) {
            throw Ers.malformed("The evidence record cannot be read");
        }
    }
}
