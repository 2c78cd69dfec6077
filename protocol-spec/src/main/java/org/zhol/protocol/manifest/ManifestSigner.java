// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.crypto.CadesSigner;

/**
 * Signs one message's manifest (single mode): a CAdES-BES detached CMS over the manifest's canonical
 * bytes. The message's bodies are never seen here, only their digests inside the manifest.
 *
 * <p><b>Pitfalls:</b> pass the exact bytes that travel, from {@link ManifestCodec#encode}.
 */
public final class ManifestSigner {

    private final CadesSigner cades;

    public ManifestSigner(CadesSigner cades) {
        this.cades = Objects.requireNonNull(cades, "cades");
    }

    /**
     * Signs {@code manifest}.
     *
     * @param manifest      the canonical manifest bytes
     * @param signingTime   the signing time, which should equal the metadata record's
     * @param ocspResponses the signing certificate's (and chain's) DER OCSP responses to embed
     */
    public MessageSignature.Single sign(byte[] manifest, Instant signingTime, List<byte[]> ocspResponses) {
        return new MessageSignature.Single(cades.sign(manifest, signingTime, ocspResponses));
    }
}
