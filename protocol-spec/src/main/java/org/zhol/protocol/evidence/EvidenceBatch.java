// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSDataGroup;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import org.bouncycastle.tsp.ers.ERSException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.tsp.TimestampToken;

/**
 * One timestamping batch (log.md §6): an RFC 4998 hash tree over one data group per record (the
 * SHA-256 of its covered files) and one for the signed checkpoint, built with BouncyCastle's
 * {@code ERSArchiveTimeStampGenerator}. Ask a TSA to stamp {@link #imprint()}, then
 * {@link #stamp} the token into one evidence record per record and one for the checkpoint.
 *
 * <p><b>Limits:</b> {@link #MAX_RECORDS} records; each record 2 to 300 digests.
 *
 * <p><b>Pitfalls:</b> the instance wraps BouncyCastle's generator, which keeps the tree: stamp with
 * the same instance that gave the imprint. Verify the token (the {@code TspClient} does) before
 * stamping; this class only checks that it stamps the imprint.
 */
public final class EvidenceBatch {

    /** Limit: the most records in one batch. */
    public static final int MAX_RECORDS = 100_000;

    private final ERSArchiveTimeStampGenerator generator;
    private final List<List<byte[]>> groupHashes;
    private final byte[] imprint;

    /**
     * @param records    each record's covered files (data objects, manifest, signature), in order
     * @param checkpoint the checkpoint stamped with the batch, covering every record of it
     */
    public EvidenceBatch(List<List<EntryDigest>> records, SignedCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("too many records in one batch: " + records.size());
        }
        this.generator = new ERSArchiveTimeStampGenerator(Ers.sha256Calculator());
        List<List<byte[]>> hashes = new ArrayList<>();
        for (List<EntryDigest> record : records) {
            if (record.size() < 2 || record.size() > 300) {
                throw new IllegalArgumentException("a record covers 2 to 300 files");
            }
            hashes.add(record.stream().map(EntryDigest::sha256).toList());
        }
        hashes.add(checkpointHashes(checkpoint));
        List<ERSData> groups = new ArrayList<>();
        hashes.forEach(h -> groups.add(group(h)));
        generator.addAllData(groups);
        this.groupHashes = List.copyOf(hashes);
        try {
            this.imprint = generator.generateTimeStampRequest(new TimeStampRequestGenerator()).getMessageImprintDigest();
        } catch (TSPException | IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot build the evidence record tree", e);
        }
    }

    /** The hashes that the checkpoint's data group holds: SHA-256 of its bytes and of its CMS. */
    public static List<byte[]> checkpointHashes(SignedCheckpoint checkpoint) {
        return List.of(Ers.sha256(checkpoint.checkpoint()), Ers.sha256(checkpoint.signature()));
    }

    private static ERSDataGroup group(List<byte[]> hashes) {
        return new ERSDataGroup(hashes.stream().map(Ers::digested).toList());
    }

    private static List<byte[]> firstNode(ERSEvidenceRecord record) {
        org.bouncycastle.asn1.tsp.ArchiveTimeStamp first = record.toASN1Structure().getArchiveTimeStampSequence()
                .getArchiveTimeStampChains()[0].getArchiveTimestamps()[0];
        org.bouncycastle.asn1.tsp.PartialHashtree[] tree = first.getReducedHashTree();
        return tree == null || tree.length == 0 ? List.of() : List.of(tree[0].getValues());
    }

    /** The SHA-256 root hash to have stamped: the imprint of the RFC 3161 query. */
    public byte[] imprint() {
        return imprint.clone();
    }

    /** The evidence records that one token over {@link #imprint()} gives. */
    public record Stamped(List<byte[]> recordEvidence, byte[] checkpointEvidence) {

        public Stamped {
            recordEvidence = recordEvidence.stream().map(byte[]::clone).toList();
            checkpointEvidence = checkpointEvidence.clone();
        }

        /** The DER evidence records of the records, in the order given; copies. */
        @Override
        public List<byte[]> recordEvidence() {
            return recordEvidence.stream().map(byte[]::clone).toList();
        }

        /** The DER evidence record of the checkpoint; a copy. */
        @Override
        public byte[] checkpointEvidence() {
            return checkpointEvidence.clone();
        }
    }

    /**
     * Turns {@code token} into the evidence records.
     *
     * @throws ZholException {@code TimestampValidation.InvalidReference} when the token stamps another
     *                       digest
     */
    public Stamped stamp(TimestampToken token) {
        if (!java.security.MessageDigest.isEqual(token.imprintDigest(), imprint)) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The token does not stamp the batch root");
        }
        try {
            TimeStampResponse response = new TimeStampResponse(new TimeStampResp(
                    new PKIStatusInfo(PKIStatus.granted), ContentInfo.getInstance(token.encoded())));
            List<ERSArchiveTimeStamp> stamps = generator.generateArchiveTimeStamps(response);
            List<ERSEvidenceRecord> evidence = new ERSEvidenceRecordGenerator(Ers.digests()).generate(stamps);
            List<ERSEvidenceRecord> unclaimed = new ArrayList<>(evidence);
            List<byte[]> encoded = new ArrayList<>();
            // Match by the first node's hashes rather than trusting the generator's order.
            for (List<byte[]> group : groupHashes) {
                ERSEvidenceRecord match = unclaimed.stream().filter(r -> EvidenceRecordVerifier.sameHashes(
                        firstNode(r), group)).findFirst().orElseThrow(() -> ZholException.internal(
                        ErrorCode.INTERNAL_ERROR, "A record is missing from the evidence records", null));
                unclaimed.remove(match);
                encoded.add(match.toASN1Structure().getEncoded(ASN1Encoding.DER));
            }
            return new Stamped(encoded.subList(0, encoded.size() - 1), encoded.getLast());
        } catch (TSPException | ERSException | IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot build the evidence records", e);
        }
    }
}
