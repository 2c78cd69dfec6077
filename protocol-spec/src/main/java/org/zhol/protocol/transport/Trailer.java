// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * The TRAILER frame's content ({@code transport.md} §trailer): it ends a message with the manifest the
 * sender signed, the signature, and optionally the sender's latest message-log checkpoint. Encoded by
 * {@link TrailerCodec}.
 *
 * <p><b>Pitfalls:</b> byte arrays are shared, not copied; treat them as read-only. The checkpoint is
 * opaque here: its format belongs to the message log ({@code evidence.md}).
 *
 * @param manifest   the canonical manifest bytes that the signature covers (directly, or as a batch leaf)
 * @param signature  the signature, single or batch
 * @param checkpoint the sender's latest log checkpoint, 1 or more bytes, if it sends one
 */
public record Trailer(byte[] manifest, MessageSignature signature, Optional<byte[]> checkpoint) {

    public Trailer {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (manifest.length == 0) {
            throw new IllegalArgumentException("a manifest is not empty");
        }
        if (checkpoint.isPresent() && checkpoint.get().length == 0) {
            throw new IllegalArgumentException("a checkpoint, when present, is not empty");
        }
    }

    @Override
    public String toString() {
        return "Trailer[manifest " + manifest.length + " bytes, " + signature.getClass().getSimpleName()
                + checkpoint.map(c -> ", checkpoint " + c.length + " bytes").orElse("") + "]";
    }
}
