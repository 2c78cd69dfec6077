// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.zhol.protocol.id.MemberId;

/**
 * A checkpoint whose signature {@link CheckpointVerifier} accepted.
 *
 * @param checkpoint the decoded checkpoint
 * @param signed     the bytes it was decoded from and their signature
 * @param signer     the signing certificate
 * @param member     the member the certificate maps to: the owner of {@code checkpoint.logId()}
 */
public record VerifiedCheckpoint(Checkpoint checkpoint, SignedCheckpoint signed, X509Certificate signer,
        MemberId member) {

    public VerifiedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(member, "member");
    }
}
