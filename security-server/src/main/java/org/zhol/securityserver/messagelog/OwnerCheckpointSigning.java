// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.log.Checkpoint;
import org.zhol.protocol.log.CheckpointSigner;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * {@link CheckpointSigning} with the owner member's SIGN key on the token: the newest key with a
 * certificate valid at the checkpoint time and a fresh GOOD OCSP response, which is embedded so that
 * the checkpoint verifies offline (log.md §3). Without such a key and response no checkpoint is signed:
 * a checkpoint that no verifier accepts would be worse than none.
 */
public final class OwnerCheckpointSigning implements CheckpointSigning {

    private final Signer signer;
    private final OwnOcspResponses ocsp;
    private final MemberId owner;

    public OwnerCheckpointSigning(Signer signer, OwnOcspResponses ocsp, MemberId owner) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ocsp = Objects.requireNonNull(ocsp, "ocsp");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * @throws ZholException {@code KeyNotFound} without an owner SIGN key whose certificate is valid at the
     *                       checkpoint time, {@code MissingValidationInfo} without a fresh OCSP response for
     *                       it, or the signer's codes
     */
    @Override
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        Instant at = checkpoint.time();
        List<KeyInfo> keys = signer.keys().reversed().stream()
                .filter(k -> k.role() == KeyRole.SIGN && k.member().equals(Optional.of(owner)))
                .filter(k -> !k.certificates().isEmpty() && validAt(k.certificates().getFirst(), at))
                .toList();
        if (keys.isEmpty()) {
            throw ZholException.internal(ErrorCode.KEY_NOT_FOUND, "The owner " + owner
                    + " has no signing key with a valid certificate to sign checkpoints", null);
        }
        for (KeyInfo key : keys) {
            X509Certificate certificate = key.certificates().getFirst();
            Optional<byte[]> response = ocsp.freshResponse(certificate);
            if (response.isPresent()) {
                CadesSigner cades = new CadesSigner(new SigningCredentials(signer.signingKey(key.keyId()), certificate,
                        List.of()));
                return new CheckpointSigner(cades).sign(checkpoint, List.of(response.get()));
            }
        }
        throw ZholException.internal(ErrorCode.MISSING_VALIDATION_INFO, "The owner's signing certificate has no "
                + "fresh OCSP response to sign checkpoints with", null);
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }
}
