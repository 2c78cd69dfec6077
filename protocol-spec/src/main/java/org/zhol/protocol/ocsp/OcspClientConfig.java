// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link OcspClient}.
 *
 * @param connectTimeout   how long to wait for a TCP connection to a responder; default 5 s
 * @param requestTimeout   how long to wait for a whole answer from one responder; default 10 s
 * @param maxResponseBytes the largest response body read; default {@link OcspResponse#MAX_DER_LENGTH}
 * @param sendNonce        whether to send a random nonce and require it echoed when the response has
 *                         one; default true
 */
public record OcspClientConfig(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes,
        boolean sendNonce) {

    /** The defaults listed above. */
    public static final OcspClientConfig DEFAULTS =
            new OcspClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), OcspResponse.MAX_DER_LENGTH, true);

    public OcspClientConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxResponseBytes <= 0 || maxResponseBytes > OcspResponse.MAX_DER_LENGTH) {
            throw new IllegalArgumentException("maxResponseBytes must be 1 to " + OcspResponse.MAX_DER_LENGTH);
        }
    }
}
