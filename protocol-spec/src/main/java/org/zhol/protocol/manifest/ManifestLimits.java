// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

/**
 * Size limits for reading the signed documents of this package; crossing one fails decoding with the
 * document's error code.
 *
 * @param maxManifestBytes the longest manifest, in bytes (default 64 KiB)
 * @param maxDataObjects   the most data objects in one manifest (default 256)
 * @param maxSmallDocumentBytes the longest metadata record, batch root or inclusion proof (default 8 KiB)
 */
public record ManifestLimits(int maxManifestBytes, int maxDataObjects, int maxSmallDocumentBytes) {

    /** The defaults. */
    public static final ManifestLimits DEFAULT = new ManifestLimits(64 * 1024, 256, 8 * 1024);

    public ManifestLimits {
        if (maxManifestBytes < 1024 || maxDataObjects < 1 || maxSmallDocumentBytes < 1024) {
            throw new IllegalArgumentException("limits too small");
        }
    }
}
