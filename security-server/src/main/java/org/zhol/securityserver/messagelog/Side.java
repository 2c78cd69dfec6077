// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import org.zhol.protocol.error.FaultPrefix;

/**
 * Which proxy of this server logged a record: it decides which local subsystem's logging mode applies
 * and the prefix of a logging fault ({@code Server.ClientProxy.LoggingFailed} or
 * {@code Server.ServerProxy.LoggingFailed}).
 */
public enum Side {
    /** The consumer's server: its client proxy sent the request and received the response. */
    CLIENT_PROXY(FaultPrefix.SERVER_CLIENT_PROXY),
    /** The provider's server: its server proxy received the request and sent the response. */
    SERVER_PROXY(FaultPrefix.SERVER_SERVER_PROXY);

    private final FaultPrefix prefix;

    Side(FaultPrefix prefix) {
        this.prefix = prefix;
    }

    /** The prefix of faults raised on this side. */
    public FaultPrefix faultPrefix() {
        return prefix;
    }
}
