// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * What a log record is committed with, once the body has passed: the message's TRAILER content.
 *
 * <p><b>Limits:</b> the manifest at most {@value #MAX_MANIFEST_BYTES} bytes.
 *
 * <p><b>Pitfalls:</b> the manifest is copied; the signature's arrays are shared, as
 * {@link MessageSignature} does. The peer's checkpoint is logged as received: verifying it is the
 * exchange's business.
 *
 * @param manifest       the canonical manifest bytes that were signed (single mode) or hashed into the
 *                       batch root (batch mode)
 * @param signature      the signature as it travelled
 * @param peerCheckpoint the other security server's signed checkpoint that came with the message; empty
 *                       when the message carried none (e.g. the message this server sent itself)
 */
public record RecordTrailer(byte[] manifest, MessageSignature signature, Optional<SignedCheckpoint> peerCheckpoint) {

    /** Limit: the largest manifest (the manifest codec's default). */
    public static final int MAX_MANIFEST_BYTES = 64 * 1024;

    public RecordTrailer {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(peerCheckpoint, "peerCheckpoint");
        if (manifest.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("manifest over " + MAX_MANIFEST_BYTES + " bytes");
        }
        manifest = manifest.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordTrailer that && Arrays.equals(manifest, that.manifest)
                && sameSignature(signature, that.signature) && peerCheckpoint.equals(that.peerCheckpoint);
    }

    /** Whether two signatures have the same bytes (the records compare arrays by reference). */
    static boolean sameSignature(MessageSignature a, MessageSignature b) {
        return switch (a) {
            case MessageSignature.Single single -> b instanceof MessageSignature.Single other
                    && Arrays.equals(single.cms(), other.cms());
            case MessageSignature.Batch batch -> b instanceof MessageSignature.Batch other
                    && Arrays.equals(batch.cms(), other.cms()) && Arrays.equals(batch.batchRoot(), other.batchRoot())
                    && batch.proof().equals(other.proof());
        };
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(manifest);
    }

    @Override
    public String toString() {
        return "RecordTrailer[manifest=" + manifest.length + " bytes, signature="
                + signature.getClass().getSimpleName() + ", peerCheckpoint=" + peerCheckpoint.isPresent() + "]";
    }
}
