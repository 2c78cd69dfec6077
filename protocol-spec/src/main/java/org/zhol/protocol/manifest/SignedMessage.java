// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.util.List;
import java.util.Objects;

/**
 * What a receiver hands to {@link MessageSignatureVerifier#verify}: the manifest bytes and signature
 * as received, and the data objects as the receiver itself digested them from the received parts
 * (with {@link DataObjectDigest}), in the message's order.
 *
 * @param manifest    the received manifest bytes
 * @param signature   the received signature
 * @param dataObjects the receiver's own digests of the received data objects
 */
public record SignedMessage(byte[] manifest, MessageSignature signature, List<DataObject> dataObjects) {

    public SignedMessage {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(signature, "signature");
        dataObjects = List.copyOf(dataObjects);
    }
}
