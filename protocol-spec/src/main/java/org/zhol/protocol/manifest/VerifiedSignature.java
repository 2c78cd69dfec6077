// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.MemberId;

/**
 * The facts that a verified message signature establishes.
 *
 * @param signer      the signing certificate
 * @param member      the member the certificate belongs to, equal to the expected one
 * @param signingTime the signed signing time (the batch's, in batch mode)
 * @param manifest    the verified manifest
 * @param batchRoot   the verified batch root in batch mode; empty in single mode
 */
public record VerifiedSignature(X509Certificate signer, MemberId member, Instant signingTime, Manifest manifest,
        Optional<BatchRoot> batchRoot) {

    public VerifiedSignature {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(signingTime, "signingTime");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(batchRoot, "batchRoot");
    }
}
