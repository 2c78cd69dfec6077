// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.util.Arrays;
import java.util.List;

/**
 * The envelope: the canonical request bytes exactly as signed, and their signatures. It is what travels
 * ({@link ManagementEnvelopeCodec}) and what the central server keeps as evidence.
 *
 * <p><b>Pitfalls:</b> nothing here is verified; the request bytes are not even parsed. Call
 * {@link ManagementRequestVerifier#verify} before trusting any of it. The byte array is copied in and
 * out.
 *
 * @param requestBytes the canonical JSON of the request ({@link ManagementRequestCodec})
 * @param signatures   the signatures, in the order sent
 */
public record SignedManagementRequest(byte[] requestBytes, List<ManagementSignature> signatures) {

    public SignedManagementRequest {
        requestBytes = requestBytes.clone();
        signatures = List.copyOf(signatures);
    }

    /** The request bytes; a copy. */
    @Override
    public byte[] requestBytes() {
        return requestBytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedManagementRequest that && Arrays.equals(requestBytes, that.requestBytes)
                && signatures.equals(that.signatures);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(requestBytes) + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "SignedManagementRequest[" + requestBytes.length + " bytes, " + signatures + "]";
    }
}
