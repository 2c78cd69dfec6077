// SPDX-License-Identifier: MIT
package org.zhol.server.config;

/**
 * Where one listener binds.
 *
 * @param host the address to bind
 * @param port the port; 0 picks a free one
 */
public record ListenerConfig(String host, int port) {

    public ListenerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a listener needs a host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a listener needs a port from 0 to 65535");
        }
    }
}
