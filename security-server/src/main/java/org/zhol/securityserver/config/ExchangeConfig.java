// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import java.time.Duration;

/**
 * The message exchange's limits and timeouts (section {@code exchange} of the configuration file).
 *
 * @param maxBodyBytes                  the largest request or response body passed through, in bytes;
 *                                      default 4 GiB. A larger body fails the exchange with
 *                                      {@code BadRequest} (request) or {@code ServiceFailed} (response)
 * @param peerTimeoutSeconds            the longest wait for the next frame from the other security
 *                                      server, in seconds; default 300. The provider's own timeout is
 *                                      per service (registry) and should be shorter
 * @param providerConnectTimeoutSeconds the longest wait to connect to a provider information system;
 *                                      default 10
 * @param replayWindowSeconds           the server proxy's replay window: how far a request's signing time
 *                                      may be from this server's clock, either way, and how long its
 *                                      message id is remembered; default 300 ({@code transport.md} §13)
 */
public record ExchangeConfig(long maxBodyBytes, int peerTimeoutSeconds, int providerConnectTimeoutSeconds,
        int replayWindowSeconds) {

    /** The defaults. */
    public static final ExchangeConfig DEFAULTS = new ExchangeConfig(0, 0, 0, 0);

    /** The default replay window: 300 s (five minutes either way). */
    public static final int DEFAULT_REPLAY_WINDOW_SECONDS = 300;

    /** The default body limit: 4 GiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L << 30;

    public ExchangeConfig {
        if (maxBodyBytes < 0 || peerTimeoutSeconds < 0 || providerConnectTimeoutSeconds < 0 || replayWindowSeconds < 0) {
            throw new IllegalArgumentException("exchange limits and timeouts must not be negative");
        }
        maxBodyBytes = maxBodyBytes == 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        peerTimeoutSeconds = peerTimeoutSeconds == 0 ? 300 : peerTimeoutSeconds;
        providerConnectTimeoutSeconds = providerConnectTimeoutSeconds == 0 ? 10 : providerConnectTimeoutSeconds;
        replayWindowSeconds = replayWindowSeconds == 0 ? DEFAULT_REPLAY_WINDOW_SECONDS : replayWindowSeconds;
    }

    /** These settings with the default replay window (the form before the window existed). */
    public ExchangeConfig(long maxBodyBytes, int peerTimeoutSeconds, int providerConnectTimeoutSeconds) {
        this(maxBodyBytes, peerTimeoutSeconds, providerConnectTimeoutSeconds, 0);
    }

    /** The replay window as a duration. */
    public Duration replayWindow() {
        return Duration.ofSeconds(replayWindowSeconds);
    }

    /** The peer timeout as a duration. */
    public Duration peerTimeout() {
        return Duration.ofSeconds(peerTimeoutSeconds);
    }

    /** The provider connect timeout as a duration. */
    public Duration providerConnectTimeout() {
        return Duration.ofSeconds(providerConnectTimeoutSeconds);
    }

    /** These settings with another body limit. */
    public ExchangeConfig withMaxBodyBytes(long bytes) {
        return new ExchangeConfig(bytes, peerTimeoutSeconds, providerConnectTimeoutSeconds, replayWindowSeconds);
    }

    /** These settings with another peer timeout. */
    public ExchangeConfig withPeerTimeoutSeconds(int seconds) {
        return new ExchangeConfig(maxBodyBytes, seconds, providerConnectTimeoutSeconds, replayWindowSeconds);
    }

    /** These settings with another replay window. */
    public ExchangeConfig withReplayWindowSeconds(int seconds) {
        return new ExchangeConfig(maxBodyBytes, peerTimeoutSeconds, providerConnectTimeoutSeconds, seconds);
    }
}
