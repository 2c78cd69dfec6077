// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.SignedMessage;

/**
 * A message as {@link MessageReader} received it, before verification: the decoded metadata record and
 * head, the receiver's own digests of the three data objects, the body length and the trailer.
 *
 * @param metadata    the metadata record ({@code encode()} gives the received META bytes)
 * @param head        the head
 * @param dataObjects the receiver's digests of {@code metadata.xml}, {@code head.json} and {@code body}
 * @param bodyLength  the number of body bytes received
 * @param trailer     the trailer: manifest bytes, signature, optional checkpoint
 */
public record ReceivedMessage(MessageMetadata metadata, MessageHead head, List<DataObject> dataObjects,
        long bodyLength, Trailer trailer) {

    public ReceivedMessage {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(head, "head");
        dataObjects = List.copyOf(dataObjects);
        Objects.requireNonNull(trailer, "trailer");
    }

    /** What {@code MessageSignatureVerifier.verify} takes: the manifest and signature as received, our digests. */
    public SignedMessage signedMessage() {
        return new SignedMessage(trailer.manifest(), trailer.signature(), dataObjects);
    }

    /** The SHA-256 of the received manifest: a request's hash, which its response's metadata must carry. */
    public byte[] manifestHash() {
        return MessageParts.requestHash(trailer.manifest());
    }
}
