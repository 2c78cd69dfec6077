// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfPartsCodec;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.EntryDigest;

/**
 * The parts of a global configuration that offline verification needs — members, security servers,
 * approved CAs with their OCSP responders and profiles, approved TSAs and the trust parameters — as one
 * JSON file (evidence.md §3): the configuration's own parts embedded unchanged, so its codec reads them.
 * <pre>{@code
 * {"format":"zhol-trust-snapshot/1","instance":"DEV",
 *  "parts":{"shared-params.json":{...},"trust-params.json":{...}}}
 * }</pre>
 * The snapshot is identified by {@code sha256:} and the lowercase hex SHA-256 of its exact bytes
 * ({@link #id()}); every container names the id it is to be verified with.
 *
 * <p><b>Limits:</b> {@link #MAX_BYTES}.
 *
 * @param configuration the configuration it holds
 * @param encoded       its bytes (copied)
 */
public record TrustSnapshot(GlobalConfiguration configuration, byte[] encoded) {

    /** The {@code format} value. */
    public static final String FORMAT = "zhol-trust-snapshot/1";
    /** What an id looks like. */
    public static final String ID_PATTERN = "sha256:[0-9a-f]{64}";
    /** Limit: the largest snapshot read. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrustSnapshot {
        Objects.requireNonNull(configuration, "configuration");
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** {@code sha256:} and the hex SHA-256 of the bytes. */
    public String id() {
        return "sha256:" + HexFormat.of().formatHex(EntryDigest.sha256(encoded));
    }

    /** The snapshot of {@code configuration}. */
    public static TrustSnapshot of(GlobalConfiguration configuration) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("instance", configuration.instance());
        ObjectNode parts = root.putObject("parts");
        try {
            for (Map.Entry<String, byte[]> part : GlobalConfPartsCodec.encode(configuration).entrySet()) {
                parts.set(part.getKey(), JSON.readTree(part.getValue()));
            }
            return new TrustSnapshot(configuration, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON in memory", e);
        }
    }

    /**
     * Reads a snapshot.
     *
     * @throws ZholException {@code MalformedEvidence} when it is not one
     */
    public static TrustSnapshot decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw malformed("The trust snapshot is longer than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("parts").isObject()) {
                throw malformed("The file is not a " + FORMAT + " trust snapshot");
            }
            Map<String, byte[]> parts = new LinkedHashMap<>();
            root.get("parts").fields().forEachRemaining(f -> parts.put(f.getKey(), write(f.getValue())));
            GlobalConfiguration configuration = GlobalConfPartsCodec.decode(parts);
            if (!configuration.instance().equals(root.path("instance").asText())) {
                throw malformed("The trust snapshot's instance does not match its parts");
            }
            return new TrustSnapshot(configuration, bytes);
        } catch (IOException e) {
            throw malformed("The trust snapshot is not JSON");
        } catch (ZholException e) {
            if (e.code() == ErrorCode.MALFORMED_EVIDENCE) {
                throw e;
            }
            throw malformed("The trust snapshot's configuration is malformed: " + e.detail());
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_EVIDENCE, detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustSnapshot that && java.util.Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "TrustSnapshot[" + configuration.instance() + ", " + id() + "]";
    }

    /** The id line as a container holds it. */
    static String idLine(String id) {
        return id + "\n";
    }

    static String idOf(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n") || !text.substring(0, text.length() - 1).matches(ID_PATTERN)) {
            throw malformed("The container's trust snapshot id is malformed");
        }
        return text.substring(0, text.length() - 1);
    }
}
