// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * Turns a {@link SignedManagementRequest} into its JSON envelope and back:
 * {@code {"request":BASE64,"signatures":[{"cms":BASE64,"role":ROLE},...]}}, compact, keys in ascending
 * order, UTF-8.
 *
 * <p>This codec checks structure only. It neither parses the request bytes nor looks inside a CMS;
 * duplicate and missing roles are the verifier's to find, so that every such fault has one place.
 *
 * <p><b>Limits:</b> {@link ManagementLimits#maxEnvelopeBytes()}, {@link ManagementLimits#maxRequestBytes()},
 * {@link ManagementLimits#maxSignatureBytes()} each, {@link ManagementLimits#maxSignatures()}, nesting
 * {@link ManagementLimits#MAX_JSON_DEPTH}.
 *
 * <p><b>Pitfalls:</b> unknown fields and unknown roles are refused, not ignored: a later version that
 * adds either needs a new {@code formatVersion} in the request.
 */
public final class ManagementEnvelopeCodec {

    private ManagementEnvelopeCodec() {
    }

    /** The envelope bytes of {@code signed}. */
    public static byte[] encode(SignedManagementRequest signed) {
        ObjectNode node = ManagementJson.object();
        node.put("request", ManagementJson.base64(signed.requestBytes()));
        ArrayNode array = node.putArray("signatures");
        for (ManagementSignature signature : signed.signatures()) {
            ObjectNode entry = array.addObject();
            entry.put("cms", ManagementJson.base64(signature.cms()));
            entry.put("role", signature.role().name());
        }
        return ManagementJson.write(node);
    }

    /**
     * Reads an envelope.
     *
     * @throws ZholException {@code InvalidRequest} when it is too long, not JSON, nested too deeply, has
     *                       unknown or missing fields, too many signatures, an unknown role, bad base64 or
     *                       an over-long part
     */
    public static SignedManagementRequest decode(byte[] envelope, ManagementLimits limits) {
        ObjectNode node = ManagementJson.parse(envelope, limits.maxEnvelopeBytes(), "The envelope");
        ManagementJson.requireFields(node, Set.of("request", "signatures"), "The envelope");
        byte[] request = ManagementJson.base64(ManagementJson.text(node, "request"), limits.maxRequestBytes(),
                "The request");
        JsonNode array = node.get("signatures");
        if (!array.isArray()) {
            throw ManagementJson.invalid("Field 'signatures' is not an array");
        }
        if (array.size() > limits.maxSignatures()) {
            throw ManagementJson.invalid("The envelope has more than " + limits.maxSignatures() + " signatures");
        }
        List<ManagementSignature> signatures = new ArrayList<>(array.size());
        for (JsonNode entry : array) {
            signatures.add(signature(entry, limits));
        }
        return new SignedManagementRequest(request, signatures);
    }

    private static ManagementSignature signature(JsonNode entry, ManagementLimits limits) {
        if (!entry.isObject()) {
            throw ManagementJson.invalid("A signature is not a JSON object");
        }
        ManagementJson.requireFields(entry, Set.of("cms", "role"), "A signature");
        String roleName = ManagementJson.text(entry, "role");
        SignatureRole role = SignatureRole.byWireName(roleName).orElseThrow(() -> ManagementJson.invalid(
                "Unknown signature role '" + Faults.excerpt(roleName) + "'"));
        return new ManagementSignature(role, ManagementJson.base64(ManagementJson.text(entry, "cms"),
                limits.maxSignatureBytes(), "A signature"));
    }
}
