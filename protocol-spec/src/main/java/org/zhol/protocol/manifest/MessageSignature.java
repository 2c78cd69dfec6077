// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.util.Objects;
import org.zhol.protocol.merkle.InclusionProof;

/**
 * The signature that travels with a message, in one of two modes: a CMS signature over the message's
 * own manifest, or a CMS signature over a batch root plus this manifest's inclusion proof.
 *
 * <p><b>Pitfalls:</b> the byte arrays are shared, not copied, to avoid copying signatures on the hot
 * path; treat them as read-only.
 */
public sealed interface MessageSignature permits MessageSignature.Single, MessageSignature.Batch {

    /** The DER CMS {@code ContentInfo}. */
    byte[] cms();

    /**
     * Single mode: {@code cms} is a detached CAdES signature over the manifest bytes.
     *
     * @param cms the DER CMS signature
     */
    record Single(byte[] cms) implements MessageSignature {
        public Single {
            Objects.requireNonNull(cms, "cms");
        }
    }

    /**
     * Batch mode: {@code cms} is a detached CAdES signature over {@code batchRoot}, the canonical
     * {@link BatchRoot} bytes, and {@code proof} shows that this message's manifest is a leaf of it.
     *
     * @param batchRoot the canonical batch root bytes
     * @param cms       the DER CMS signature over {@code batchRoot}
     * @param proof     the inclusion proof of this message's manifest
     */
    record Batch(byte[] batchRoot, byte[] cms, InclusionProof proof) implements MessageSignature {
        public Batch {
            Objects.requireNonNull(batchRoot, "batchRoot");
            Objects.requireNonNull(cms, "cms");
            Objects.requireNonNull(proof, "proof");
        }
    }
}
