// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * One signed message as the exchange hands it to the {@link MessageLog}: what the signature covers
 * (metadata record, head and the body's digest), the manifest and the signature. Bodies stream and are
 * never held, so only their digest is here.
 *
 * <p><b>Pitfalls:</b> byte arrays are shared, not copied; treat them as read-only.
 *
 * @param side           which proxy logs it
 * @param kind           request or response
 * @param metadata       the decoded metadata record (client, service, message id, signing time, request hash)
 * @param metadataBytes  the metadata record's bytes as signed
 * @param head           the head's bytes as signed ({@code head.json})
 * @param body           the body's data object: its MIME type, size-independent digest
 * @param manifest       the manifest bytes as signed
 * @param signature      the signature over the manifest
 * @param peerCheckpoint the peer's log checkpoint from the trailer, when it sent one
 */
public record LoggedMessage(Side side, Kind kind, MessageMetadata metadata, byte[] metadataBytes, byte[] head,
        DataObject body, byte[] manifest, MessageSignature signature, Optional<byte[]> peerCheckpoint) {

    /** Which proxy logs the message. */
    public enum Side {
        /** The consumer's server: it signed the request and verified the response. */
        CLIENT_PROXY,
        /** The provider's server: it verified the request and signed the response. */
        SERVER_PROXY
    }

    /** Which message of the exchange. */
    public enum Kind {
        REQUEST,
        RESPONSE
    }

    public LoggedMessage {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(metadataBytes, "metadataBytes");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(peerCheckpoint, "peerCheckpoint");
    }
}
