// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.evidence.AsicContainer;
import org.zhol.protocol.evidence.AsicContainerReader;
import org.zhol.protocol.evidence.AsicContainerWriter;
import org.zhol.protocol.evidence.AsicLayout;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.EvidenceBatch;
import org.zhol.protocol.evidence.EvidenceRecordVerifier;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.protocol.evidence.VerifiedEvidenceRecord;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.Direction;
import org.zhol.protocol.log.EntryDigest;
import org.zhol.protocol.log.LogEntry;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.log.VerifiedCheckpoint;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.merkle.ConsistencyProof;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.protocol.merkle.MerkleTree;
import org.zhol.protocol.tsp.TimestampVerifier;

/**
 * The auditor's verifier (evidence.md §5): checks an evidence container offline against a trust
 * snapshot, in the order of {@link Check}, and reports the first failure. It never throws for a bad
 * container: the {@link Verdict} says what failed and why.
 *
 * <p>Build one per trust snapshot and reuse it; it is immutable and thread-safe.
 */
public final class EvidenceVerifier {

    /** How much later than the token's time a message may claim to be signed (clock skew). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final TrustSnapshot snapshot;
    private final AsicContainerReader reader;
    private final CadesVerifier cades = new CadesVerifier();
    private final TrustedSigners signers;
    private final CheckpointVerifier checkpoints;
    private final EvidenceRecordVerifier evidenceRecords;

    /** How many verified trust paths, tokens and checkpoints a verifier remembers. */
    public static final int CACHE_ENTRIES = 1024;

    private final Map<String, VerifiedCheckpoint> verifiedCheckpoints = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, VerifiedCheckpoint> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    /**
     * A verifier for containers made under {@code snapshot}. It remembers (by exact bytes) the
     * signatures it checked that many containers share — the batch's checkpoint and token, the
     * signer's certificate path and OCSP response — so an archive verifies fast; the time-dependent
     * checks still run for each container.
     */
    public EvidenceVerifier(TrustSnapshot snapshot, ContainerLimits limits) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.reader = new AsicContainerReader(limits);
        this.signers = new TrustedSigners(snapshot.configuration(), CertificateProfiles.standard(), CACHE_ENTRIES);
        this.checkpoints = new CheckpointVerifier(cades, signers, signers);
        this.evidenceRecords = new EvidenceRecordVerifier(new TimestampVerifier(
                snapshot.configuration().approvedTsas(), Optional.empty()), CACHE_ENTRIES);
    }

    /** {@link CheckpointVerifier#verify}, remembered by the exact bytes (a checkpoint's checks do not depend on when). */
    private VerifiedCheckpoint checkpoint(SignedCheckpoint signed) {
        String key = java.util.HexFormat.of().formatHex(EntryDigest.sha256(signed.encode()));
        VerifiedCheckpoint known = verifiedCheckpoints.get(key);
        if (known != null) {
            return known;
        }
        VerifiedCheckpoint verified = checkpoints.verify(signed);
        verifiedCheckpoints.put(key, verified);
        return verified;
    }

    /** The snapshot this verifier trusts. */
    public TrustSnapshot snapshot() {
        return snapshot;
    }

    /** Verifies one container held in memory. */
    public Verdict verify(String file, byte[] container) {
        return verify(file, new ByteArrayInputStream(container));
    }

    /** Verifies one container read from {@code in} (not closed). */
    public Verdict verify(String file, InputStream in) {
        Run run = new Run();
        try {
            verify(run, in);
            return new Verdict(file, Optional.empty(), run.facts);
        } catch (ZholException e) {
            Check check = run.check == Check.EVIDENCE_RECORD && e.code() == ErrorCode.TIMESTAMP_VALIDATION
                    ? Check.TIMESTAMP : run.check;
            return new Verdict(file, Optional.of(Verdict.Failure.of(check, e)), run.facts);
        }
    }

    /** The check in progress and the facts found so far. */
    private static final class Run {
        Check check = Check.CONTAINER;
        final Map<String, String> facts = new LinkedHashMap<>();
    }

    private void verify(Run run, InputStream in) {
        AsicContainer c = reader.read(in, AsicLayout.ASIC_E_MIME_TYPE);
        checkLayout(c);
        run.check = Check.TRUST_SNAPSHOT;
        String id = trustSnapshotId(c.require(AsicLayout.TRUST_SNAPSHOT_ID));
        if (!id.equals(snapshot.id())) {
            throw ZholException.client(ErrorCode.INCORRECT_VALIDATION_INFO, "The container is to be verified with"
                    + " trust snapshot " + id + ", not " + snapshot.id());
        }
        run.check = Check.SIGNATURE;
        byte[] manifestBytes = c.require(AsicLayout.MANIFEST);
        byte[] signature = c.require(AsicLayout.SIGNATURE);
        VerifiedCms cms = cades.verify(signature, manifestBytes);
        run.facts.put("signingTime", cms.signingTime().toString());
        run.check = Check.CERTIFICATE;
        signers.check(cms.signer(), cms.certificates(), cms.ocspResponses(), cms.signingTime());
        run.check = Check.MANIFEST;
        Manifest manifest = ManifestCodec.decode(manifestBytes, ManifestLimits.DEFAULT);
        List<String> omitted = checkDataObjects(c, manifest);
        if (!omitted.isEmpty()) {
            run.facts.put("omitted", String.join(",", omitted));
        }
        run.check = Check.SIGNER_MEMBER;
        MessageMetadata metadata = MessageMetadata.decode(c.require(MessageMetadata.URI), ManifestLimits.DEFAULT);
        Direction direction = metadata.requestHash().isPresent() ? Direction.RESPONSE : Direction.REQUEST;
        MemberId expected = direction == Direction.REQUEST ? metadata.client().member() : metadata.service().provider().member();
        MemberId signer = signers.memberOf(cms.signer(), expected.instance());
        if (!signer.equals(expected)) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "The " + direction.text() + " is signed by "
                    + signer.toPath() + ", not by " + expected.toPath());
        }
        run.facts.put("messageId", metadata.messageId());
        run.facts.put("direction", direction.text());
        run.facts.put("signer", signer.toPath());
        run.check = Check.LOG_ENTRY;
        LogEntry entry = checkEntry(c, manifest, manifestBytes, signature, metadata, direction);
        run.facts.put("log", entry.logId().toPath());
        if (c.has(AsicLayout.PEER_CHECKPOINT)) {
            run.check = Check.PEER_CHECKPOINT;
            VerifiedCheckpoint peer = checkpoint(new SignedCheckpoint(c.require(AsicLayout.PEER_CHECKPOINT),
                    c.require(AsicLayout.PEER_CHECKPOINT_SIGNATURE)));
            run.facts.put("peerCheckpoint", peer.checkpoint().logId().toPath() + " size "
                    + peer.checkpoint().treeSize());
        }
        run.check = Check.EVIDENCE_RECORD;
        if (!Arrays.equals(c.require(AsicLayout.EVIDENCE_RECORD_MANIFEST),
                AsicContainerWriter.evidenceRecordManifest(manifest, manifestBytes, signature))) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE,
                    "The evidence record manifest does not list exactly the covered files");
        }
        List<byte[]> covered = entry.entries().subList(0, manifest.dataObjects().size() + 2).stream()
                .map(EntryDigest::sha256).toList();
        VerifiedEvidenceRecord ers = evidenceRecords.verify(c.require(AsicLayout.EVIDENCE_RECORD), covered);
        run.check = Check.TIMESTAMP;
        if (!Arrays.equals(c.require(AsicLayout.TIMESTAMP), ers.tokens().getFirst().encoded())) {
            throw ZholException.client(ErrorCode.TIMESTAMP_VALIDATION, "The timestamp file is not the evidence"
                    + " record's token");
        }
        if (cms.signingTime().isAfter(ers.firstStamp().plus(MAX_CLOCK_SKEW))) {
            throw ZholException.client(ErrorCode.TIMESTAMP_VALIDATION, "The message claims to be signed at "
                    + cms.signingTime() + ", after it was stamped at " + ers.firstStamp());
        }
        run.facts.put("stampedAt", ers.firstStamp().toString());
        run.facts.put("tsa", ers.tokens().getFirst().tsaCertificate().map(x -> x.getSubjectX500Principal().getName())
                .orElse("?"));
        run.check = Check.CHECKPOINT;
        VerifiedCheckpoint checkpoint = checkpoint(new SignedCheckpoint(c.require(AsicLayout.CHECKPOINT),
                c.require(AsicLayout.CHECKPOINT_SIGNATURE)));
        if (!checkpoint.checkpoint().logId().equals(entry.logId())) {
            throw ZholException.client(ErrorCode.INVALID_HASH_CHAIN, "The checkpoint is of "
                    + checkpoint.checkpoint().logId().toPath() + ", the record of " + entry.logId().toPath());
        }
        VerifiedEvidenceRecord checkpointErs = evidenceRecords.verify(c.require(AsicLayout.CHECKPOINT_EVIDENCE_RECORD),
                EvidenceBatch.checkpointHashes(checkpoint.signed()));
        if (!MessageDigest.isEqual(checkpointErs.root(), ers.root())) {
            throw ZholException.client(ErrorCode.INVALID_HASH_CHAIN,
                    "The checkpoint was not stamped in the record's batch");
        }
        run.facts.put("checkpoint", "size " + checkpoint.checkpoint().treeSize() + " at "
                + checkpoint.checkpoint().time());
        run.check = Check.INCLUSION;
        InclusionProof proof = InclusionProofCodec.decode(c.require(AsicLayout.INCLUSION_PROOF), ManifestLimits.DEFAULT);
        MerkleTree.verifyInclusion(proof, entry.leafHash(), checkpoint.checkpoint().rootHash(),
                checkpoint.checkpoint().treeSize());
        run.facts.put("leafIndex", Long.toString(proof.leafIndex()));
    }

    private static void checkLayout(AsicContainer c) {
        for (String name : c.names()) {
            if (!name.equals(AsicLayout.MIMETYPE) && name.startsWith("META-INF/") && !AsicLayout.REQUIRED.contains(name)
                    && !AsicLayout.OPTIONAL.contains(name)) {
                throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "Unexpected entry " + name);
            }
        }
        for (String name : AsicLayout.REQUIRED) {
            c.require(name);
        }
        if (c.has(AsicLayout.PEER_CHECKPOINT) != c.has(AsicLayout.PEER_CHECKPOINT_SIGNATURE)) {
            throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "The peer checkpoint comes without its signature,"
                    + " or the other way round");
        }
    }

    private static String trustSnapshotId(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n") || !text.substring(0, text.length() - 1).matches(TrustSnapshot.ID_PATTERN)) {
            throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "The trust snapshot id is malformed");
        }
        return text.substring(0, text.length() - 1);
    }

    /** Checks each data object's digest; returns the names of those left out by metadata-only logging. */
    private static List<String> checkDataObjects(AsicContainer c, Manifest manifest) {
        if (!AsicLayout.SIGNATURE.equals(manifest.signatureUri())) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The manifest does not reference "
                    + AsicLayout.SIGNATURE);
        }
        List<String> omitted = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (DataObject object : manifest.dataObjects()) {
            listed.add(object.uri());
            if (!AsicLayout.isDataObjectName(object.uri())) {
                throw ZholException.client(ErrorCode.INVALID_REFERENCE, "A data object is named " + object.uri());
            }
            Optional<byte[]> digest = c.sha256(object.uri());
            if (digest.isEmpty()) {
                if (object.uri().equals(MessageMetadata.URI)) {
                    throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The metadata record is missing");
                }
                omitted.add(object.uri());
            } else if (!MessageDigest.isEqual(digest.get(), object.digest())) {
                throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The digest of " + object.uri()
                        + " does not match the manifest");
            }
        }
        for (String name : c.names()) {
            if (!name.equals(AsicLayout.MIMETYPE) && AsicLayout.isDataObjectName(name) && !listed.contains(name)) {
                throw ZholException.client(ErrorCode.INVALID_REFERENCE, "Entry " + name + " is not in the manifest");
            }
        }
        return omitted;
    }

    private static LogEntry checkEntry(AsicContainer c, Manifest manifest, byte[] manifestBytes, byte[] signature,
            MessageMetadata metadata, Direction direction) {
        LogEntry entry = LogEntry.decode(c.require(AsicLayout.RECORD));
        if (entry.direction() != direction || !entry.messageId().equals(metadata.messageId())) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The log entry is for another message or direction");
        }
        List<EntryDigest> expected = new ArrayList<>();
        manifest.dataObjects().forEach(o -> expected.add(new EntryDigest(o.uri(), o.digest())));
        expected.add(EntryDigest.of(AsicLayout.MANIFEST, manifestBytes));
        expected.add(EntryDigest.of(AsicLayout.SIGNATURE, signature));
        if (c.has(AsicLayout.PEER_CHECKPOINT)) {
            expected.add(new EntryDigest(AsicLayout.PEER_CHECKPOINT, c.sha256(AsicLayout.PEER_CHECKPOINT).orElseThrow()));
            expected.add(new EntryDigest(AsicLayout.PEER_CHECKPOINT_SIGNATURE,
                    c.sha256(AsicLayout.PEER_CHECKPOINT_SIGNATURE).orElseThrow()));
        }
        if (!entry.entries().equals(expected)) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE,
                    "The log entry does not list exactly the record's files with their digests");
        }
        return entry;
    }

    /**
     * Verifies an evidence archive read from {@code in} (not closed), streaming: the stored
     * {@code mimetype}, the index, each listed container in order (its digest and its own
     * verification), nothing else; and, when {@code previous} is given, that the index names it as the
     * previous archive's SHA-256. The verdict's {@code sha256} fact is the archive's own digest, the
     * {@code previous} of the next archive.
     */
    public Verdict verifyArchive(String file, InputStream in, Optional<byte[]> previous) {
        Map<String, String> facts = new LinkedHashMap<>();
        MessageDigest whole = sha256();
        java.security.DigestInputStream digesting = new java.security.DigestInputStream(in, whole);
        try {
            java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(digesting, StandardCharsets.UTF_8);
            java.util.zip.ZipEntry mimetype = zip.getNextEntry();
            if (mimetype == null || !AsicLayout.MIMETYPE.equals(mimetype.getName())
                    || mimetype.getMethod() != java.util.zip.ZipEntry.STORED || !org.zhol.protocol.evidence.ArchiveIndex
                    .MIME_TYPE.equals(new String(zip.readNBytes(100), StandardCharsets.US_ASCII))) {
                throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "The file is not an evidence archive");
            }
            java.util.zip.ZipEntry indexEntry = zip.getNextEntry();
            if (indexEntry == null || !org.zhol.protocol.evidence.ArchiveIndex.NAME.equals(indexEntry.getName())) {
                throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "The archive index is not the second entry");
            }
            org.zhol.protocol.evidence.ArchiveIndex index = org.zhol.protocol.evidence.ArchiveIndex.decode(
                    zip.readNBytes(org.zhol.protocol.evidence.ArchiveIndex.MAX_CONTAINERS * 400));
            facts.put("log", index.logId().toPath());
            facts.put("sequence", Long.toString(index.sequence()));
            facts.put("containers", Integer.toString(index.containers().size()));
            if (previous.isPresent() && (index.previous().isEmpty()
                    || !MessageDigest.isEqual(index.previous().get(), previous.get()))) {
                return failed(file, Check.ARCHIVE_CHAIN, ErrorCode.INVALID_HASH_CHAIN,
                        "The archive does not name the previous archive's digest", facts);
            }
            for (EntryDigest listed : index.containers()) {
                java.util.zip.ZipEntry entry = zip.getNextEntry();
                if (entry == null || !entry.getName().equals(listed.name())) {
                    return failed(file, Check.ARCHIVE_CHAIN, ErrorCode.INVALID_HASH_CHAIN,
                            "The archive does not hold " + listed.name() + " where its index says", facts);
                }
                MessageDigest one = sha256();
                java.security.DigestInputStream container = new java.security.DigestInputStream(
                        new java.io.FilterInputStream(zip) {
                            @Override
                            public void close() {
                                // the archive stream stays open
                            }
                        }, one);
                Verdict verdict = verify(file + "!" + listed.name(), container);
                container.transferTo(java.io.OutputStream.nullOutputStream());
                if (!MessageDigest.isEqual(one.digest(), listed.sha256())) {
                    return failed(file, Check.ARCHIVE_CHAIN, ErrorCode.INVALID_HASH_CHAIN,
                            "The digest of " + listed.name() + " does not match the index", facts);
                }
                if (!verdict.passed()) {
                    Verdict.Failure f = verdict.failure().get();
                    return new Verdict(file, Optional.of(new Verdict.Failure(f.check(), f.faultCode(),
                            listed.name() + ": " + f.detail())), facts);
                }
            }
            if (zip.getNextEntry() != null) {
                return failed(file, Check.ARCHIVE_CHAIN, ErrorCode.INVALID_HASH_CHAIN,
                        "The archive holds entries its index does not list", facts);
            }
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            facts.put("sha256", java.util.Base64.getEncoder().encodeToString(whole.digest()));
            return new Verdict(file, Optional.empty(), facts);
        } catch (ZholException e) {
            return new Verdict(file, Optional.of(Verdict.Failure.of(Check.CONTAINER, e)), facts);
        } catch (java.io.IOException e) {
            return failed(file, Check.CONTAINER, ErrorCode.MALFORMED_EVIDENCE, "The archive cannot be read: "
                    + e.getMessage(), facts);
        }
    }

    private static Verdict failed(String file, Check check, ErrorCode code, String detail, Map<String, String> facts) {
        return new Verdict(file, Optional.of(new Verdict.Failure(check, code.camel(), detail)), facts);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Checks that signed checkpoint {@code later} extends {@code earlier} by {@code proof}: both
     * signatures (check {@link Check#CHECKPOINT}), then the proof ({@link Check#CONSISTENCY}).
     */
    public Verdict verifyConsistency(String file, SignedCheckpoint earlier, SignedCheckpoint later,
            ConsistencyProof proof) {
        Map<String, String> facts = new LinkedHashMap<>();
        VerifiedCheckpoint first;
        VerifiedCheckpoint second;
        try {
            first = checkpoints.verify(earlier);
            second = checkpoints.verify(later);
        } catch (ZholException e) {
            return new Verdict(file, Optional.of(Verdict.Failure.of(Check.CHECKPOINT, e)), facts);
        }
        facts.put("log", first.checkpoint().logId().toPath());
        facts.put("sizes", first.checkpoint().treeSize() + " -> " + second.checkpoint().treeSize());
        try {
            CheckpointVerifier.verifyConsistency(first.checkpoint(), second.checkpoint(), proof);
            return new Verdict(file, Optional.empty(), facts);
        } catch (ZholException e) {
            return new Verdict(file, Optional.of(Verdict.Failure.of(Check.CONSISTENCY, e)), facts);
        }
    }
}
