// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link GlobalConfDirectory} into {@code directory.json} and back:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "instance": "DEV",
 *   "generation": 7,
 *   "generatedAt": "2026-01-01T00:00:00Z",
 *   "expiresAt": "2026-01-01T00:10:00Z",
 *   "parts": [
 *     { "name": "shared-params.json", "location": "shared-params.json", "sha256": "<64 hex digits>" }
 *   ]
 * }
 * }</pre>
 *
 * <p>Decode only bytes whose signature has been verified ({@link GlobalConfVerifier} does so).
 *
 * <p><b>Limits:</b> at most {@link #MAX_LENGTH} bytes.
 */
public final class GlobalConfDirectoryCodec {

    /** Limit: the largest directory decoded. */
    public static final int MAX_LENGTH = 64 * 1024;

    private GlobalConfDirectoryCodec() {
    }

    /** The directory's JSON bytes. */
    public static byte[] encode(GlobalConfDirectory directory) {
        ObjectNode root = Json.object().put("formatVersion", GlobalConfDirectory.FORMAT_VERSION)
                .put("instance", directory.instance()).put("generation", directory.generation())
                .put("generatedAt", Json.format(directory.generatedAt()))
                .put("expiresAt", Json.format(directory.expiresAt()));
        ArrayNode parts = root.putArray("parts");
        directory.parts().forEach(p -> parts.addObject().put("name", p.name()).put("location", p.location())
                .put("sha256", p.sha256()));
        return Json.write(root);
    }

    /**
     * Decodes {@code directory.json}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedGlobalConf} when it is not a valid
     *                                               directory of format version 1
     */
    public static GlobalConfDirectory decode(byte[] bytes) {
        JsonNode root = Json.parse(bytes, MAX_LENGTH, GlobalConfLayout.DIRECTORY_FILE);
        Json.requireFormatVersion(root, GlobalConfDirectory.FORMAT_VERSION, GlobalConfLayout.DIRECTORY_FILE);
        return new GlobalConfDirectory(Json.text(root, "instance"), Json.longValue(root, "generation"),
                Json.instant(root, "generatedAt"), Json.instant(root, "expiresAt"),
                Json.list(root, "parts", p -> new PartReference(Json.text(p, "name"), Json.text(p, "location"),
                        Json.text(p, "sha256"))));
    }
}
