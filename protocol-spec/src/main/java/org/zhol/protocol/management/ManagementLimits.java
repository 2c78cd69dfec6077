// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on reading and accepting a management request; crossing one fails with
 * {@code InvalidRequest}. The codecs enforce the sizes, the verifier the age.
 *
 * @param maxEnvelopeBytes the longest envelope, in bytes (default 384 KiB)
 * @param maxRequestBytes  the longest request document, after base64 decoding (default 32 KiB)
 * @param maxSignatureBytes the longest CMS signature, after base64 decoding (default 64 KiB)
 * @param maxSignatures    the most signatures in one envelope (default 3, one per role)
 * @param maxAge           how long after its creation time a request is accepted (default 1 hour);
 *                         a request dated more than {@link #MAX_CLOCK_SKEW} in the future is refused
 *                         as well
 */
public record ManagementLimits(int maxEnvelopeBytes, int maxRequestBytes, int maxSignatureBytes, int maxSignatures,
        Duration maxAge) {

    /** Limit: how deeply JSON values may nest; the formats need 3 (envelope, array, signature). */
    public static final int MAX_JSON_DEPTH = 4;
    /** Limit: how far ahead of the verifier's clock a request's creation time may be. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    /** The defaults. */
    public static final ManagementLimits DEFAULT =
            new ManagementLimits(384 * 1024, 32 * 1024, 64 * 1024, 3, Duration.ofHours(1));

    public ManagementLimits {
        if (maxEnvelopeBytes < 1024 || maxRequestBytes < 1024 || maxSignatureBytes < 1024 || maxSignatures < 1) {
            throw new IllegalArgumentException("limits too small");
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }
}
