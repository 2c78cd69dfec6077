// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * Signs many manifests with one signature (batch mode): builds the RFC 9162 tree whose leaf {@code i}
 * is {@code SHA-256(0x00 || SHA-256(manifest_i))}, signs the canonical {@link BatchRoot} once, and
 * gives each manifest its inclusion proof.
 *
 * <p><b>Limits:</b> at most {@link #MAX_BATCH} manifests per call.
 */
public final class BatchManifestSigner {

    /** Limit: the most manifests signed by one call. */
    public static final int MAX_BATCH = 1 << 16;

    private final CadesSigner cades;

    public BatchManifestSigner(CadesSigner cades) {
        this.cades = Objects.requireNonNull(cades, "cades");
    }

    /**
     * Signs {@code manifests}, in order.
     *
     * @param manifests     canonical manifest bytes, 1 to {@link #MAX_BATCH}
     * @param signingTime   the signing time of the whole batch
     * @param ocspResponses DER OCSP responses to embed
     * @return one signature per manifest, in the same order; all share the batch root and the CMS
     */
    public List<MessageSignature.Batch> sign(List<byte[]> manifests, Instant signingTime,
            List<byte[]> ocspResponses) {
        if (manifests.isEmpty() || manifests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch has 1 to " + MAX_BATCH + " manifests");
        }
        List<byte[]> leaves = new ArrayList<>(manifests.size());
        for (byte[] manifest : manifests) {
            leaves.add(leafHash(manifest));
        }
        MerkleTree tree = new MerkleTree(leaves);
        byte[] root = new BatchRoot(tree.size(), tree.root(), signingTime).encode();
        byte[] cms = cades.sign(root, signingTime, ocspResponses);
        List<MessageSignature.Batch> signatures = new ArrayList<>(manifests.size());
        for (int i = 0; i < manifests.size(); i++) {
            signatures.add(new MessageSignature.Batch(root, cms, tree.proof(i)));
        }
        return List.copyOf(signatures);
    }

    /** The tree leaf of a manifest: {@code SHA-256(0x00 || SHA-256(manifest))}. */
    public static byte[] leafHash(byte[] manifest) {
        try {
            return MerkleTree.leafHash(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
