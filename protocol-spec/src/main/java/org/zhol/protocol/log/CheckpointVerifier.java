// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.util.Objects;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.VerifiedCms;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.SignerCertificateCheck;
import org.zhol.protocol.manifest.SigningCertificateProfile;
import org.zhol.protocol.merkle.ConsistencyProof;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * Verifies signed checkpoints, in this order: the CMS over the received bytes (the
 * {@link CadesVerifier} codes), the checkpoint's canonical form ({@code MalformedHashChain}), the
 * signing time against the checkpoint time ({@code SignatureVerification}), the signer certificate at
 * the signing time (chain and embedded OCSP: the {@link SignerCertificateCheck} codes, e.g.
 * {@code TrustedSigners}), and the certificate's member against the owner of the log's server
 * ({@code IncorrectCertificate}).
 *
 * <p><b>Pitfalls:</b> the owner's signing key vouches for every server it owns; a checkpoint names its
 * server, but any server of the same owner could have signed it.
 */
public final class CheckpointVerifier {

    private final CadesVerifier cades;
    private final SignerCertificateCheck certificates;
    private final SigningCertificateProfile profile;

    public CheckpointVerifier(CadesVerifier cades, SignerCertificateCheck certificates,
            SigningCertificateProfile profile) {
        this.cades = Objects.requireNonNull(cades, "cades");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** Verifies {@code signed}; see the class comment for the order and codes. */
    public VerifiedCheckpoint verify(SignedCheckpoint signed) {
        VerifiedCms cms = cades.verify(signed.signature(), signed.checkpoint());
        Checkpoint checkpoint = Checkpoint.decode(signed.checkpoint());
        if (!cms.signingTime().equals(checkpoint.time())) {
            throw ZholException.client(ErrorCode.SIGNATURE_VERIFICATION, "The checkpoint time "
                    + checkpoint.time() + " is not the signing time " + cms.signingTime());
        }
        certificates.check(cms.signer(), cms.certificates(), cms.ocspResponses(), cms.signingTime());
        MemberId member = profile.memberOf(cms.signer(), checkpoint.logId().instance());
        if (!member.equals(checkpoint.logId().owner())) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "The checkpoint of " + checkpoint.logId()
                    + " is signed by " + member + ", not by the server's owner");
        }
        return new VerifiedCheckpoint(checkpoint, signed, cms.signer(), member);
    }

    /**
     * Checks that {@code later} extends {@code earlier}: the same log, a size at least as large, and
     * {@code proof} between their sizes and roots (RFC 9162 §2.1.4.2). Both must be verified already.
     *
     * @throws ZholException {@code InvalidHashChain} when they are of different logs, out of order, or
     *                       the proof fails
     */
    public static void verifyConsistency(Checkpoint earlier, Checkpoint later, ConsistencyProof proof) {
        if (!earlier.logId().equals(later.logId())) {
            throw ZholException.client(ErrorCode.INVALID_HASH_CHAIN, "The checkpoints are of two logs: "
                    + earlier.logId() + " and " + later.logId());
        }
        if (earlier.treeSize() > later.treeSize()) {
            throw ZholException.client(ErrorCode.INVALID_HASH_CHAIN, "The earlier checkpoint has the larger size");
        }
        MerkleTree.verifyConsistency(proof, earlier.treeSize(), earlier.rootHash(), later.treeSize(),
                later.rootHash());
    }
}
