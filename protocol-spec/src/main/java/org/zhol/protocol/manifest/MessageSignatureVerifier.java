// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * Verifies a message's signature in either mode, in the order of {@code docs/signatures.md}:
 * the CMS signature over the signed bytes (manifest, or batch root), the signer certificate
 * ({@link SignerCertificateCheck}), the signer's member ({@link SigningCertificateProfile}), in batch
 * mode the inclusion proof, then the manifest against the receiver's own data object digests.
 *
 * <p>A batch root, once verified, is cached (keyed by the digest of the root bytes and the CMS bytes
 * together), so the other messages of the batch skip the CMS and certificate checks.
 *
 * <p><b>Limits:</b> the cache holds at most the configured number of roots (least recently used
 * evicted), and an entry is reused only for verification instants within {@link #BATCH_CACHE_MAX_AGE}
 * of the one it was verified at. Thread-safe.
 *
 * <p><b>Pitfalls:</b> within that window the certificate verdict of a cached root is reused; a
 * revocation that becomes known inside it is noticed at the next batch.
 */
public final class MessageSignatureVerifier {

    /** Limit: how long a verified batch root is trusted without re-checking its certificate. */
    public static final Duration BATCH_CACHE_MAX_AGE = Duration.ofMinutes(1);

    private record CachedRoot(VerifiedCms cms, BatchRoot root, Instant verifiedAt) {
    }

    private final CadesVerifier cades;
    private final SignerCertificateCheck certificateCheck;
    private final SigningCertificateProfile profile;
    private final ManifestLimits limits;
    private final Map<String, CachedRoot> batchCache;

    /**
     * @param cades            the CMS verifier
     * @param certificateCheck chain, validity and OCSP of the signer certificate
     * @param profile          maps the signer certificate to its member
     * @param limits           size limits of the documents read
     * @param batchCacheSize   how many verified batch roots to keep; 0 disables the cache
     */
    public MessageSignatureVerifier(CadesVerifier cades, SignerCertificateCheck certificateCheck,
            SigningCertificateProfile profile, ManifestLimits limits, int batchCacheSize) {
        this.cades = Objects.requireNonNull(cades, "cades");
        this.certificateCheck = Objects.requireNonNull(certificateCheck, "certificateCheck");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (batchCacheSize < 0) {
            throw new IllegalArgumentException("batchCacheSize must not be negative");
        }
        this.batchCache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedRoot> eldest) {
                return size() > batchCacheSize;
            }
        };
    }

    /**
     * Verifies {@code message} as signed by {@code expectedSigner} and valid at {@code at}.
     *
     * @return the verified facts
     * @throws ZholException {@code MalformedSignature}, {@code InvalidSignatureValue},
     *                       {@code SignatureVerification}, what the {@link SignerCertificateCheck} throws,
     *                       {@code IncorrectCertificate} (signer is not {@code expectedSigner}),
     *                       {@code MalformedHashChain}, {@code InvalidHashChain}, {@code InvalidXml}
     *                       (manifest), {@code InvalidReference} (a digest does not match)
     */
    public VerifiedSignature verify(SignedMessage message, MemberId expectedSigner, Instant at) {
        VerifiedCms cms;
        Optional<BatchRoot> batch;
        switch (message.signature()) {
            case MessageSignature.Single single -> {
                cms = cades.verify(single.cms(), message.manifest());
                certificateCheck.check(cms.signer(), cms.certificates(), cms.ocspResponses(), at);
                batch = Optional.empty();
            }
            case MessageSignature.Batch signed -> {
                CachedRoot root = verifiedRoot(signed, at);
                cms = root.cms();
                batch = Optional.of(root.root());
            }
        }
        checkMember(cms, expectedSigner);
        if (message.signature() instanceof MessageSignature.Batch signed) {
            checkInclusion(signed, batch.orElseThrow(), message.manifest());
        }
        Manifest manifest = ManifestCodec.decode(message.manifest(), limits);
        checkReferences(manifest, message.dataObjects());
        return new VerifiedSignature(cms.signer(), expectedSigner, cms.signingTime(), manifest, batch);
    }

    private CachedRoot verifiedRoot(MessageSignature.Batch signed, Instant at) {
        String key = cacheKey(signed);
        synchronized (batchCache) {
            CachedRoot cached = batchCache.get(key);
            if (cached != null && Duration.between(cached.verifiedAt(), at).abs().compareTo(BATCH_CACHE_MAX_AGE) <= 0) {
                return cached;
            }
        }
        BatchRoot root = BatchRoot.decode(signed.batchRoot(), limits);
        VerifiedCms cms = cades.verify(signed.cms(), signed.batchRoot());
        certificateCheck.check(cms.signer(), cms.certificates(), cms.ocspResponses(), at);
        if (!cms.signingTime().equals(root.signingTime())) {
            throw ZholException.client(ErrorCode.SIGNATURE_VERIFICATION,
                    "The batch root's signing time differs from the signature's");
        }
        CachedRoot verified = new CachedRoot(cms, root, at);
        synchronized (batchCache) {
            batchCache.put(key, verified);
        }
        return verified;
    }

    private void checkMember(VerifiedCms cms, MemberId expectedSigner) {
        MemberId actual = profile.memberOf(cms.signer(), expectedSigner.instance());
        if (!expectedSigner.equals(actual)) {
            // X-Road raises IncorrectCertificate when the signer's name does not match the sender.
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "The message is signed by " + actual.toPath() + ", not by " + expectedSigner.toPath());
        }
    }

    private static void checkInclusion(MessageSignature.Batch signed, BatchRoot root, byte[] manifest) {
        MerkleTree.verifyInclusion(signed.proof(), BatchManifestSigner.leafHash(manifest), root.rootHash(),
                root.treeSize());
    }

    private static void checkReferences(Manifest manifest, List<DataObject> received) {
        List<DataObject> signed = manifest.dataObjects();
        if (signed.size() != received.size()) {
            throw ZholException.client(ErrorCode.INVALID_REFERENCE, "The manifest lists " + signed.size()
                    + " data objects, the message has " + received.size());
        }
        for (int i = 0; i < signed.size(); i++) {
            if (!signed.get(i).equals(received.get(i))) {
                throw ZholException.client(ErrorCode.INVALID_REFERENCE,
                        "The digest, name or type of data object " + i + " (" + received.get(i).uri()
                                + ") does not match the manifest");
            }
        }
    }

    private static String cacheKey(MessageSignature.Batch signed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] rootDigest = sha256.digest(signed.batchRoot());
            sha256.update(rootDigest);
            return HexFormat.of().formatHex(sha256.digest(signed.cms()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MessageSignatureVerifier[" + limits + "]";
    }
}
