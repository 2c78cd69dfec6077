// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * What a log record is committed with, once the body has passed: the message's TRAILER content.
 *
 * <p><b>Limits:</b> the manifest at most {@value #MAX_MANIFEST_BYTES} bytes and the peer's checkpoint
 * at most {@value #MAX_CHECKPOINT_BYTES} bytes.
 *
 * <p><b>Pitfalls:</b> the manifest and checkpoint arrays are copied; the signature's arrays are shared,
 * as {@link MessageSignature} does.
 *
 * @param manifest       the canonical manifest bytes that were signed (single mode) or hashed into the
 *                       batch root (batch mode)
 * @param signature      the signature as it travelled
 * @param peerCheckpoint the signed checkpoint of the other security server that came with the message,
 *                       opaque here; empty when the message carried none (e.g. the message this server
 *                       sent itself)
 */
public record RecordTrailer(byte[] manifest, MessageSignature signature, Optional<byte[]> peerCheckpoint) {

    /** Limit: the largest manifest (the manifest codec's default). */
    public static final int MAX_MANIFEST_BYTES = 64 * 1024;
    /** Limit: the largest peer checkpoint kept. */
    public static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

    public RecordTrailer {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(peerCheckpoint, "peerCheckpoint");
        if (manifest.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("manifest over " + MAX_MANIFEST_BYTES + " bytes");
        }
        if (peerCheckpoint.isPresent() && peerCheckpoint.get().length > MAX_CHECKPOINT_BYTES) {
            throw new IllegalArgumentException("peer checkpoint over " + MAX_CHECKPOINT_BYTES + " bytes");
        }
        manifest = manifest.clone();
        peerCheckpoint = peerCheckpoint.map(byte[]::clone);
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    @Override
    public Optional<byte[]> peerCheckpoint() {
        return peerCheckpoint.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordTrailer that && Arrays.equals(manifest, that.manifest)
                && sameSignature(signature, that.signature) && peerCheckpoint.isPresent() == that.peerCheckpoint.isPresent()
                && (peerCheckpoint.isEmpty() || Arrays.equals(peerCheckpoint.get(), that.peerCheckpoint.get()));
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
