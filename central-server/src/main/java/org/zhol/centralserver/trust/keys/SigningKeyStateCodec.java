// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link SigningKeyRing} into the keys directory's {@code config-signing.json} and back. It holds
 * no secret: each key's state, times and certificate (base64 DER); the private keys are in the PKCS#12
 * files.
 *
 * <pre>{@code
 * { "formatVersion": 1,
 *   "keys": [ { "number": 1, "state": "ACTIVE", "createdAt": "2026-11-01T00:00:00Z",
 *               "stateSince": "2026-11-01T00:00:00Z", "certificate": "MIIB…" } ] }
 * }</pre>
 *
 * A RETIRED key also has {@code "listedUntil"}.
 */
final class SigningKeyStateCodec {

    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SigningKeyStateCodec() {
    }

    static byte[] encode(SigningKeyRing ring) {
        ObjectNode root = JSON.createObjectNode().put("formatVersion", FORMAT_VERSION);
        ArrayNode keys = root.putArray("keys");
        for (SigningKeyEntry k : ring.keys()) {
            ObjectNode key = keys.addObject().put("number", k.number()).put("state", k.state().name())
                    .put("createdAt", k.createdAt().toString()).put("stateSince", k.stateSince().toString());
            k.listedUntil().ifPresent(until -> key.put("listedUntil", until.toString()));
            try {
                key.put("certificate", Base64.getEncoder().encodeToString(k.certificate().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a certificate", e);
            }
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the key state", e);
        }
    }

    /** @throws IOException when the file is not a valid key state */
    static SigningKeyRing decode(byte[] bytes) throws IOException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.path("formatVersion").asInt() != FORMAT_VERSION) {
                throw new IOException("unknown key state format");
            }
            List<SigningKeyEntry> keys = new ArrayList<>();
            for (JsonNode k : root.path("keys")) {
                keys.add(new SigningKeyEntry(k.path("number").asInt(), SigningKeyState.valueOf(text(k, "state")),
                        certificate(text(k, "certificate")), Instant.parse(text(k, "createdAt")),
                        Instant.parse(text(k, "stateSince")), k.hasNonNull("listedUntil")
                                ? Optional.of(Instant.parse(text(k, "listedUntil"))) : Optional.empty()));
            }
            return new SigningKeyRing(keys);
        } catch (RuntimeException | CertificateException e) {
            throw new IOException("malformed key state: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) throws IOException {
        if (!node.path(field).isTextual()) {
            throw new IOException("missing " + field);
        }
        return node.path(field).asText();
    }

    private static X509Certificate certificate(String base64) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
