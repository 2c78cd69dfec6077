// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.crypto.CadesSigner;

/**
 * Signs checkpoints with the owner member's signing key: a CAdES detached signature over the
 * checkpoint's canonical bytes, signing-time equal to the checkpoint time, with the signing
 * certificate's OCSP responses embedded (LT level), exactly as message manifests are signed.
 */
public final class CheckpointSigner {

    private final CadesSigner signer;

    /** @param signer a signer with the credentials of the server's owner member */
    public CheckpointSigner(CadesSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Signs {@code checkpoint}.
     *
     * @param ocspResponses DER OCSP responses for the signing certificate (and its chain) to embed
     * @throws org.zhol.protocol.error.ZholException {@code CannotCreateSignature} or the key's fault
     */
    public SignedCheckpoint sign(Checkpoint checkpoint, List<byte[]> ocspResponses) {
        byte[] bytes = checkpoint.encode();
        return new SignedCheckpoint(bytes, signer.sign(bytes, checkpoint.time(), ocspResponses));
    }
}
