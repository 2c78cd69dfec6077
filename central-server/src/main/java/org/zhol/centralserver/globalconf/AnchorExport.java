// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpResponse;

/**
 * The configuration anchor that administrators install on security servers: the instance, the download
 * URLs and every signer certificate published now (active, future, and retired in grace). Each generation
 * carries the same anchor as its {@link GlobalConfLayout#ANCHOR_PART}.
 */
public final class AnchorExport {

    /** The file name offered for download. */
    public static final String FILE_NAME = "anchor.json";

    private final PublishingConfig config;
    private final ConfigurationSigningKeys keys;

    public AnchorExport(PublishingConfig config, ConfigurationSigningKeys keys) {
        this.config = Objects.requireNonNull(config, "config");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The anchor as of now. */
    public ConfigurationAnchor anchor() {
        return anchor(keys.publishedSigners());
    }

    ConfigurationAnchor anchor(List<X509Certificate> signers) {
        return new ConfigurationAnchor(config.instance(), config.downloadUrls(), signers);
    }

    /** The anchor as of now, as {@code anchor.json} bytes ({@link ConfigurationAnchorCodec}). */
    public byte[] export() {
        return ConfigurationAnchorCodec.encode(anchor());
    }

    /** A handler for the admin API, e.g. {@code GET /anchor}: the anchor as a JSON download. */
    public HttpHandler handler() {
        return request -> new HttpResponse(200, GlobalConfLayout.JSON_TYPE, export(), java.util.Map.of(
                "Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"",
                "Cache-Control", "no-store"));
    }
}
