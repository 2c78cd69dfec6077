// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

/**
 * The size limits the REST r1 codec enforces on untrusted input. Crossing one gives
 * {@code Client.BadRequest} for a request and {@code InvalidResponse} for an error body.
 *
 * <p><b>Limits:</b>
 * <ul>
 *   <li>{@code maxTargetLength}: characters of the request target ({@code /r1/...?...}); PR-REST §4.2
 *       lets a security server cap it and notes that clients often stop near 2,000;</li>
 *   <li>{@code maxHeaderCount}: header fields in one message;</li>
 *   <li>{@code maxHeaderValueLength}: characters of one X-Road-* header value;</li>
 *   <li>{@code maxErrorBodyBytes}: bytes of a JSON error body that is parsed.</li>
 * </ul>
 * Identifier codes have their own limit, {@link org.zhol.protocol.id.IdentifierRules#MAX_CODE_LENGTH}.
 */
public record RestLimits(int maxTargetLength, int maxHeaderCount, int maxHeaderValueLength, int maxErrorBodyBytes) {

    /** The defaults: 8 KiB target, 200 headers, 8 KiB per X-Road header value, 64 KiB error body. */
    public static final RestLimits DEFAULTS = new RestLimits(8192, 200, 8192, 64 * 1024);

    public RestLimits {
        if (maxTargetLength < 16 || maxHeaderCount < 1 || maxHeaderValueLength < 64 || maxErrorBodyBytes < 64) {
            throw new IllegalArgumentException("REST limits are too small to carry any message");
        }
    }
}
