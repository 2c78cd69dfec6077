// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.zhol.protocol.transport.TransportJson.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.json.StrictJson;
import org.zhol.protocol.manifest.InclusionProofCodec;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.InclusionProof;

/**
 * Turns a {@link Trailer} into its canonical JSON, the TRAILER payload, and back:
 * <pre>{@code
 * {"checkpoint":"<base64>","manifest":"<base64>","signature":{"cms":"<base64>"}}
 * {"manifest":"<base64>","signature":{"batchRoot":"<base64>","cms":"<base64>","proof":"<base64>"}}
 * }</pre>
 * {@code checkpoint} is absent when there is none. In batch mode {@code batchRoot} is the canonical
 * {@code BatchRoot} bytes and {@code proof} the canonical {@link InclusionProofCodec} bytes.
 *
 * <p><b>Limits:</b> {@link TransportLimits#maxTrailerBytes()}; the proof within
 * {@link ManifestLimits#DEFAULT}. Nothing here verifies: the manifest, batch root and CMS are checked by
 * {@code MessageSignatureVerifier}.
 */
public final class TrailerCodec {

    private static final Set<String> SINGLE = Set.of("cms");
    private static final Set<String> BATCH = Set.of("batchRoot", "cms", "proof");

    private TrailerCodec() {
    }

    /** The canonical bytes of {@code trailer}. */
    public static byte[] encode(Trailer trailer) {
        ObjectNode node = StrictJson.object();
        trailer.checkpoint().ifPresent(c -> node.put("checkpoint", StrictJson.base64(c)));
        node.put("manifest", StrictJson.base64(trailer.manifest()));
        ObjectNode signature = node.putObject("signature");
        switch (trailer.signature()) {
            case MessageSignature.Single single -> signature.put("cms", StrictJson.base64(single.cms()));
            case MessageSignature.Batch batch -> {
                signature.put("batchRoot", StrictJson.base64(batch.batchRoot()));
                signature.put("cms", StrictJson.base64(batch.cms()));
                signature.put("proof", StrictJson.base64(InclusionProofCodec.encode(batch.proof())));
            }
        }
        return StrictJson.write(node);
    }

    /**
     * Reads a TRAILER payload.
     *
     * @throws ZholException {@code InvalidMessage} when it is too long, not canonical JSON, has unknown,
     *                       missing or mistyped fields, bad base64 or an empty part; {@code MalformedHashChain}
     *                       when the inclusion proof is not a canonical one
     */
    public static Trailer decode(byte[] bytes, TransportLimits limits) {
        int max = limits.maxTrailerBytes();
        ObjectNode node = JSON.parse(bytes, max, "The trailer");
        JSON.requireFields(node, Set.of("manifest", "signature"), Set.of("checkpoint"), "The trailer");
        Optional<byte[]> checkpoint = JSON.optionalText(node, "checkpoint")
                .map(text -> nonEmpty(JSON.base64(text, max, "The checkpoint"), "checkpoint"));
        byte[] manifest = nonEmpty(JSON.base64(JSON.text(node, "manifest"), max, "The manifest"), "manifest");
        ObjectNode signature = JSON.object(node, "signature");
        MessageSignature decoded;
        if (signature.has("batchRoot")) {
            JSON.requireFields(signature, BATCH, "The batch signature");
            InclusionProof proof = InclusionProofCodec.decode(nonEmpty(JSON.base64(JSON.text(signature, "proof"),
                    max, "The inclusion proof"), "proof"), ManifestLimits.DEFAULT);
            decoded = new MessageSignature.Batch(
                    nonEmpty(JSON.base64(JSON.text(signature, "batchRoot"), max, "The batch root"), "batchRoot"),
                    cms(signature, max), proof);
        } else {
            JSON.requireFields(signature, SINGLE, "The signature");
            decoded = new MessageSignature.Single(cms(signature, max));
        }
        Trailer trailer = new Trailer(manifest, decoded, checkpoint);
        JSON.requireCanonical(bytes, encode(trailer), "The trailer");
        return trailer;
    }

    private static byte[] cms(ObjectNode signature, int max) {
        return nonEmpty(JSON.base64(JSON.text(signature, "cms"), max, "The signature"), "cms");
    }

    private static byte[] nonEmpty(byte[] bytes, String field) {
        if (bytes.length == 0) {
            throw JSON.invalid("The trailer's " + field + " is empty");
        }
        return bytes;
    }
}
