// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.zhol.protocol.id.IdentifierRules;

/**
 * File names and the versioned HTTP layout of published configuration. Paths are relative to an
 * anchor's download URL, which ends with {@code /}:
 *
 * <pre>
 * v1/{instance}/latest                          the newest generation, as decimal digits and LF
 * v1/{instance}/{generation}/directory.json     the directory
 * v1/{instance}/{generation}/directory.json.p7s its detached CMS signature (DER)
 * v1/{instance}/{generation}/{location}         each part, e.g. shared-params.json
 * </pre>
 *
 * Everything under a generation is immutable once published; only {@code latest} changes. It is not
 * signed: the directory it points to is, and a client never accepts a generation older than one it has.
 *
 * <p><b>Limits:</b> {@code latest} is at most {@value #MAX_LATEST_LENGTH} bytes.
 */
public final class GlobalConfLayout {

    /** The layout version, the first path segment. */
    public static final String VERSION = "v1";
    /** The directory's file name. */
    public static final String DIRECTORY_FILE = "directory.json";
    /** The signature's file name. */
    public static final String SIGNATURE_FILE = "directory.json.p7s";
    /** The pointer to the newest generation. */
    public static final String LATEST_FILE = "latest";
    /** The part with members, servers, groups, CAs and TSAs. */
    public static final String SHARED_PARAMS = "shared-params.json";
    /** The part with the timing parameters. */
    public static final String TRUST_PARAMS = "trust-params.json";
    /**
     * The optional part with the central server's current anchor ({@link ConfigurationAnchorCodec}
     * format): every signer certificate it publishes, so that clients can follow a key rotation
     * ({@link EffectiveAnchor}).
     */
    public static final String ANCHOR_PART = "anchor.json";
    /** Media type of the directory and the parts. */
    public static final String JSON_TYPE = "application/json";
    /** Media type of the signature. */
    public static final String SIGNATURE_TYPE = "application/pkcs7-signature";
    /** Limit: the longest {@code latest} file read. */
    public static final int MAX_LATEST_LENGTH = 21;

    private GlobalConfLayout() {
    }

    /** {@code v1/{instance}/latest}. */
    public static String latestPath(String instance) {
        return VERSION + "/" + IdentifierRules.code("xRoadInstance", instance) + "/" + LATEST_FILE;
    }

    /** {@code v1/{instance}/{generation}/}, the directory of one generation. */
    public static String generationPath(String instance, long generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be positive");
        }
        return VERSION + "/" + IdentifierRules.code("xRoadInstance", instance) + "/" + generation + "/";
    }

    /** {@code v1/{instance}/{generation}/{file}}, for the directory, the signature or a part location. */
    public static String filePath(String instance, long generation, String file) {
        if (!file.matches(PartReference.SEGMENT_PATTERN)) {
            throw GlobalConfFaults.malformed("Not a single safe path segment");
        }
        return generationPath(instance, generation) + file;
    }

    /** {@code path} resolved against a download URL from an anchor. */
    public static URI resolve(URI downloadUrl, String path) {
        String base = downloadUrl.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
    }

    /** The content of {@code latest} for {@code generation}. */
    public static byte[] encodeLatest(long generation) {
        return (generation + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads {@code latest}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedGlobalConf} unless it is a positive
     *                                               decimal number, optionally followed by LF
     */
    public static long decodeLatest(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        String digits = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (content.length > MAX_LATEST_LENGTH || !digits.matches("[1-9][0-9]{0,18}")) {
            throw GlobalConfFaults.malformed("The latest pointer is not a generation number");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw GlobalConfFaults.malformed("The latest pointer is out of range", e);
        }
    }
}
