// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.net.URI;

/**
 * The network seam of the configuration client: one GET. {@link HttpDownloader} is the real one; tests
 * pass their own to count calls or inject failures.
 */
@FunctionalInterface
public interface ConfigurationDownloader {

    /**
     * The body of a {@code 200} answer to {@code GET uri}.
     *
     * @param maxBytes the largest body accepted
     * @throws org.zhol.protocol.error.ZholException {@code NetworkError} when the server cannot be reached
     *                                               or does not answer in time, {@code HttpError} for any other
     *                                               status, {@code MalformedGlobalConf} when the body is longer
     *                                               than {@code maxBytes}
     */
    byte[] get(URI uri, int maxBytes);
}
