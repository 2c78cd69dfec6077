// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;

/**
 * Verifies an RFC 4998 evidence record over known hashes, in this order: one DER {@code EvidenceRecord},
 * version 1, SHA-256 only, no crypto or encryption information, one chain ({@code MalformedHashChain});
 * the first archive timestamp's first reduced-hash-tree node holds exactly the expected hashes
 * ({@code InvalidHashChain}); its tree leads to a root (RFC 4998 §4.3) that its token stamps, from an
 * approved TSA ({@code TimestampValidation.*}); each later timestamp of the chain stamps the hash of the
 * previous one's {@code timeStamp} field, made before the previous TSA certificate expired
 * (timestamp renewal, RFC 4998 §5.2).
 *
 * <p><b>Limits:</b> {@value Ers#MAX_BYTES} bytes; one chain (hash-tree renewal is not supported).
 */
public final class EvidenceRecordVerifier {

    private final TimestampVerifier timestamps;
    private final int cacheEntries;
    private final java.util.Map<String, TimestampToken> verifiedTokens;
    private final java.util.Map<String, VerifiedEvidenceRecord> verifiedRecords;

    public EvidenceRecordVerifier(TimestampVerifier timestamps) {
        this(timestamps, 0);
    }

    /**
     * A verifier that remembers up to {@code cacheEntries} verified (token, root) pairs by their exact
     * bytes: the records of one batch share their token, which is then checked once.
     */
    public EvidenceRecordVerifier(TimestampVerifier timestamps, int cacheEntries) {
        this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("negative cache size");
        }
        this.cacheEntries = cacheEntries;
        this.verifiedTokens = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, TimestampToken> eldest) {
                return size() > EvidenceRecordVerifier.this.cacheEntries;
            }
        });
        this.verifiedRecords = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, VerifiedEvidenceRecord> eldest) {
                return size() > EvidenceRecordVerifier.this.cacheEntries;
            }
        });
    }

    /**
     * Checks the envelope of a token, decodes and verifies it over {@code root}, or returns the one
     * remembered for these bytes and root (all three checks are pure functions of them).
     */
    private TimestampToken verifiedToken(org.bouncycastle.asn1.cms.ContentInfo parsed, byte[] tokenBytes, byte[] root) {
        String key = java.util.HexFormat.of().formatHex(Ers.sha256(tokenBytes)) + java.util.HexFormat.of().formatHex(root);
        TimestampToken known = cacheEntries > 0 ? verifiedTokens.get(key) : null;
        if (known != null) {
            return known;
        }
        checkTokenEnvelope(parsed);
        TimestampToken token = TimestampToken.decode(tokenBytes);
        if (!java.util.Arrays.equals(tokenBytes, token.encoded())) {
            throw Ers.malformed("The archive timestamp's token is not in DER");
        }
        timestamps.verify(token, root);
        if (cacheEntries > 0) {
            verifiedTokens.put(key, token);
        }
        return token;
    }

    /**
     * Verifies {@code der} over {@code expectedHashes} (the SHA-256 of the covered files, any order).
     *
     * @throws ZholException see the class comment
     */
    public VerifiedEvidenceRecord verify(byte[] der, List<byte[]> expectedHashes) {
        try {
            if (cacheEntries == 0) {
                return verifyParsed(der, expectedHashes);
            }
            // Every check here is a pure function of the record's bytes and the expected hashes (the
            // token's checks do not depend on the time of verification), so a record seen before, such
            // as the checkpoint's record that every container of a batch carries, is not parsed again.
            java.security.MessageDigest key = sha256();
            key.update(java.nio.ByteBuffer.allocate(4).putInt(der.length).array());
            key.update(der);
            for (byte[] hash : expectedHashes) {
                key.update(java.nio.ByteBuffer.allocate(4).putInt(hash.length).array());
                key.update(hash);
            }
            String id = java.util.HexFormat.of().formatHex(key.digest());
            VerifiedEvidenceRecord known = verifiedRecords.get(id);
            if (known != null) {
                return known;
            }
            VerifiedEvidenceRecord verified = verifyParsed(der, expectedHashes);
            verifiedRecords.put(id, verified);
            return verified;
        } catch (ZholException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle parses the inner structures lazily and reports them with unchecked exceptions.
            throw Ers.malformed("The evidence record cannot be parsed");
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private VerifiedEvidenceRecord verifyParsed(byte[] der, List<byte[]> expectedHashes) {
        ArchiveTimeStamp[] stamps = structure(Ers.parse(der));
        List<TimestampToken> tokens = new ArrayList<>();
        byte[] firstRoot = null;
        for (int i = 0; i < stamps.length; i++) {
            ArchiveTimeStamp stamp = stamps[i];
            if (stamp.getDigestAlgorithmIdentifier() != null && !Ers.isSha256(stamp.getDigestAlgorithmIdentifier())) {
                throw Ers.malformed("An archive timestamp uses another digest algorithm than SHA-256");
            }
            List<byte[]> covered = i == 0 ? expectedHashes
                    : List.of(Ers.sha256(Ers.der(stamps[i - 1].getTimeStamp())));
            byte[] root = root(stamp.getReducedHashTree(), covered);
            byte[] tokenBytes = Ers.der(stamp.getTimeStamp());
            TimestampToken token = verifiedToken(stamp.getTimeStamp(), tokenBytes, root);
            if (i > 0) {
                X509Certificate previous = tokens.getLast().tsaCertificate().orElseThrow();
                if (!token.genTime().isBefore(previous.getNotAfter().toInstant())) {
                    throw ZholException.client(ErrorCode.TIMESTAMP_VALIDATION, "The renewal timestamp of "
                            + token.genTime() + " came after the previous TSA certificate expired");
                }
            } else {
                firstRoot = root;
            }
            tokens.add(token);
        }
        return new VerifiedEvidenceRecord(tokens, firstRoot);
    }

    private static ArchiveTimeStamp[] structure(EvidenceRecord record) {
        if (record.toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence seq
                && !org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(0)).hasValue(1)) {
            throw Ers.malformed("The evidence record is not version 1");
        }
        AlgorithmIdentifier[] algorithms = record.getDigestAlgorithms();
        if (algorithms.length != 1 || !Ers.isSha256(algorithms[0])) {
            throw Ers.malformed("The evidence record's digest algorithms are not exactly SHA-256");
        }
        ArchiveTimeStampChain[] chains = record.getArchiveTimeStampSequence().getArchiveTimeStampChains();
        if (chains.length != 1) {
            throw Ers.malformed("The evidence record has " + chains.length + " chains; hash-tree renewal is"
                    + " not supported");
        }
        ArchiveTimeStamp[] stamps = chains[0].getArchiveTimestamps();
        if (stamps.length == 0) {
            throw Ers.malformed("The evidence record has no archive timestamp");
        }
        for (ArchiveTimeStamp stamp : stamps) {
            for (org.bouncycastle.asn1.ASN1Encodable element : (org.bouncycastle.asn1.ASN1Sequence) stamp.toASN1Primitive()) {
                if (element instanceof org.bouncycastle.asn1.ASN1TaggedObject tagged && tagged.getTagNo() == 1) {
                    // RFC 4998 leaves attributes open-ended; none is made or understood here, and an
                    // ignored field would let its bytes change unnoticed.
                    throw Ers.malformed("An archive timestamp carries attributes");
                }
            }
        }
        for (org.bouncycastle.asn1.ASN1Encodable element : (org.bouncycastle.asn1.ASN1Sequence) record.toASN1Primitive()) {
            if (element instanceof org.bouncycastle.asn1.ASN1TaggedObject tagged && tagged.getTagNo() != 0) {
                throw Ers.malformed("The evidence record carries crypto or encryption information");
            }
        }
        return stamps;
    }

    /**
     * Pins the token's unsigned envelope, which the TSA's signature does not cover: the stored bytes
     * must not change unnoticed (the token is shared by every record of a batch and renewed over).
     */
    private static void checkTokenEnvelope(org.bouncycastle.asn1.cms.ContentInfo token) {
        org.bouncycastle.asn1.cms.SignedData signed = org.bouncycastle.asn1.cms.SignedData.getInstance(
                token.getContent());
        int version = signed.getVersion().intValueExact();
        if (version != 1 && version != 3 || signed.getCRLs() != null || signed.getSignerInfos().size() != 1
                || !org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_ct_TSTInfo.equals(
                        signed.getEncapContentInfo().getContentType())) {
            throw Ers.malformed("The timestamp token's envelope is not as RFC 3161 makes it");
        }
        org.bouncycastle.asn1.cms.SignerInfo signer = org.bouncycastle.asn1.cms.SignerInfo.getInstance(
                signed.getSignerInfos().getObjectAt(0));
        if (!java.util.Arrays.equals(Ers.der(signer), Ers.der(signed.getSignerInfos().getObjectAt(0)))) {
            // BouncyCastle reads any context tag where the signed attributes belong; pin the encoding.
            throw Ers.malformed("The timestamp token's SignerInfo is not encoded as CMS requires");
        }
        if (signed.getDigestAlgorithms().size() != 1 || !AlgorithmIdentifier.getInstance(
                signed.getDigestAlgorithms().getObjectAt(0)).equals(signer.getDigestAlgorithm())
                || signer.getUnauthenticatedAttributes() != null
                || signer.getVersion().intValueExact() != (signer.getSID().isTagged() ? 3 : 1)) {
            throw Ers.malformed("The timestamp token's digest algorithms or signer are not as RFC 3161 makes them");
        }
        if (signed.getCertificates() != null) {
            for (org.bouncycastle.asn1.ASN1Encodable cert : signed.getCertificates()) {
                org.bouncycastle.asn1.x509.Certificate.getInstance(cert);
            }
        }
    }

    /** The root that {@code tree} leads to from {@code covered} (RFC 4998 §4.3). */
    static byte[] root(PartialHashtree[] tree, List<byte[]> covered) {
        if (tree == null || tree.length == 0) {
            if (covered.size() != 1) {
                throw Ers.invalid("The archive timestamp has no hash tree but covers " + covered.size() + " hashes");
            }
            return covered.getFirst().clone();
        }
        List<byte[]> first = List.of(tree[0].getValues());
        if (!sameHashes(first, covered)) {
            throw Ers.invalid("The evidence record's first hash tree node does not hold exactly the covered hashes");
        }
        byte[] hash = first.size() == 1 ? first.getFirst() : Ers.sortedHash(first);
        for (int i = 1; i < tree.length; i++) {
            List<byte[]> node = new ArrayList<>(List.of(tree[i].getValues()));
            node.add(hash);
            hash = Ers.sortedHash(node);
        }
        return hash;
    }

    /** Whether the two lists hold the same hashes, counting repeats, in any order. */
    static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<byte[]> x = new ArrayList<>(a);
        List<byte[]> y = new ArrayList<>(b);
        x.sort(Arrays::compareUnsigned);
        y.sort(Arrays::compareUnsigned);
        for (int i = 0; i < x.size(); i++) {
            if (!Arrays.equals(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }
}
