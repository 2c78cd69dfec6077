// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.List;
import org.zhol.protocol.globalconf.SecurityServer;

/** Opens channels to provider security servers: pooled, over mutual TLS 1.3, with failover. */
public interface PeerConnector {

    /**
     * A channel to the first of {@code candidates} (in the given order) that accepts a connection and
     * passes the peer checks, reusing a pooled connection when one is idle; candidates that fail to
     * connect are skipped.
     *
     * @throws org.zhol.protocol.error.ZholException {@code NetworkError} when none can be reached, or
     *                                               {@code SslAuthenticationFailed} when the only ones
     *                                               reached failed the peer checks
     */
    PeerChannel connect(List<SecurityServer> candidates);
}
