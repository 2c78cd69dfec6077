// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.rest.RestLimits;

/**
 * The limits of the IS-facing HTTP(S) listener (the client proxy's edge). Crossing one is answered by
 * the listener itself, before the request reaches the exchange, and the connection is closed:
 *
 * <ul>
 *   <li>{@code maxRequestLineBytes}: the request line (method, target, version); over it: 414;</li>
 *   <li>{@code maxHeaderBytes}: all header lines together; over it: 431;</li>
 *   <li>{@code maxHeaderCount}: header fields; over it: 431;</li>
 *   <li>{@code headerTimeout}: a request's line and headers must arrive within this time of the connection
 *       opening or of the previous response's end, however slowly they trickle in; a head that started is
 *       answered 408 ({@code Client.BadRequest}) and the connection closed (slowloris); an idle keep-alive
 *       connection is closed without an answer;</li>
 *   <li>{@code idleTimeout}: a request body that stalls (no bytes while the server is ready to read), or
 *       an IS that reads none of a response for this long, aborts the exchange and closes the connection;</li>
 *   <li>{@code maxConcurrent}: requests handled at once by the listener; more are answered 503 at once.</li>
 * </ul>
 * The 408, 414, 431 and 503 answers carry a REST r1 error body ({@code Client.BadRequest} or
 * {@code Server.ClientProxy.InternalError}, with {@code X-Road-Error}); body sizes are the exchange's limit.
 *
 * @param maxRequestLineBytes default {@link #DEFAULT_REQUEST_LINE}: a REST target of
 *                            {@link RestLimits#maxTargetLength()} plus room for the method and version
 * @param maxHeaderBytes      default 64 KiB
 * @param maxHeaderCount      default {@link RestLimits#maxHeaderCount()} (200)
 * @param headerTimeout       default 30 s
 * @param idleTimeout         default 60 s
 * @param maxConcurrent       default 512
 */
public record ClientHttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount,
        Duration headerTimeout, Duration idleTimeout, int maxConcurrent) {

    /** The default request line limit. */
    public static final int DEFAULT_REQUEST_LINE = RestLimits.DEFAULTS.maxTargetLength() + 64;

    /** The defaults listed above. */
    public static final ClientHttpLimits DEFAULTS = new ClientHttpLimits(DEFAULT_REQUEST_LINE, 64 * 1024,
            RestLimits.DEFAULTS.maxHeaderCount(), Duration.ofSeconds(30), Duration.ofSeconds(60), 512);

    public ClientHttpLimits {
        if (maxRequestLineBytes < 64 || maxHeaderBytes < 256 || maxHeaderCount < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("IS listener limits are too small to carry any request");
        }
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    /** These limits with other timeouts (tests use short ones). */
    public ClientHttpLimits withTimeouts(Duration newHeaderTimeout, Duration newIdleTimeout) {
        return new ClientHttpLimits(maxRequestLineBytes, maxHeaderBytes, maxHeaderCount, newHeaderTimeout,
                newIdleTimeout, maxConcurrent);
    }

    static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
