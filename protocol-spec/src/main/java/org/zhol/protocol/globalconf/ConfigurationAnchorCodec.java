// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * Turns a {@link ConfigurationAnchor} into {@code anchor.json} and back:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "instance": "DEV",
 *   "downloadUrls": [ "http://cs.example.org:8070/" ],
 *   "signingCertificates": [ "<base64 DER>", "<base64 DER of the next key>" ]
 * }
 * }</pre>
 *
 * <p>The anchor is trusted as given (it arrives out of band); it is not signed.
 *
 * <p><b>Limits:</b> at most {@link #MAX_LENGTH} bytes.
 */
public final class ConfigurationAnchorCodec {

    /** Limit: the largest anchor decoded. */
    public static final int MAX_LENGTH = 256 * 1024;
    /** The format version written and accepted. */
    public static final int FORMAT_VERSION = 1;

    private ConfigurationAnchorCodec() {
    }

    /** The anchor's JSON bytes. */
    public static byte[] encode(ConfigurationAnchor anchor) {
        ObjectNode root = Json.object().put("formatVersion", FORMAT_VERSION).put("instance", anchor.instance());
        root.set("downloadUrls", Json.texts(anchor.downloadUrls().stream().map(URI::toString).toList()));
        root.set("signingCertificates", Json.texts(anchor.signingCertificates().stream().map(Json::base64).toList()));
        return Json.write(root);
    }

    /**
     * Decodes {@code anchor.json}.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedGlobalConf} when it is not a valid anchor
     */
    public static ConfigurationAnchor decode(byte[] bytes) {
        JsonNode root = Json.parse(bytes, MAX_LENGTH, "anchor");
        Json.requireFormatVersion(root, FORMAT_VERSION, "anchor");
        return Json.parse(Json.text(root, "instance"), instance -> new ConfigurationAnchor(instance,
                Json.list(root, "downloadUrls", u -> TrustServicesJson.url(Json.textOf(u))),
                Json.list(root, "signingCertificates", c -> Json.certificate(Json.textOf(c)))));
    }
}
