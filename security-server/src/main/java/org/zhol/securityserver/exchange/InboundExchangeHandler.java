// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

/** The server proxy's logic: called once per incoming exchange, on its own virtual thread. */
public interface InboundExchangeHandler {

    /**
     * Reads the request frames from {@code channel}, answers with the response frames (or a FAULT frame),
     * and releases the channel.
     */
    void handle(PeerChannel channel);
}
