// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ManagementRequestVerifier#verify} proved: the typed request, the exact bytes that were
 * signed (to store as evidence), and each signer with its role, in role order.
 *
 * <p><b>Pitfalls:</b> a verified request is authentic, not approved: whether the owner may register
 * this client or this certificate, and whether the request id was seen before, are the central
 * server's decisions.
 *
 * @param request      the request
 * @param requestBytes the canonical bytes that every signature covers
 * @param signers      one per required role, in {@link SignatureRole} order
 */
public record VerifiedManagementRequest(ManagementRequest request, byte[] requestBytes, List<VerifiedSigner> signers) {

    public VerifiedManagementRequest {
        Objects.requireNonNull(request, "request");
        requestBytes = requestBytes.clone();
        signers = List.copyOf(signers);
    }

    /** The request bytes; a copy. */
    @Override
    public byte[] requestBytes() {
        return requestBytes.clone();
    }

    /** The signer in {@code role}, if the request needed one. */
    public Optional<VerifiedSigner> signer(SignatureRole role) {
        return signers.stream().filter(s -> s.role() == role).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedManagementRequest that && request.equals(that.request)
                && Arrays.equals(requestBytes, that.requestBytes) && signers.equals(that.signers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, Arrays.hashCode(requestBytes), signers);
    }

    @Override
    public String toString() {
        return "VerifiedManagementRequest[" + request + ", " + signers + "]";
    }
}
