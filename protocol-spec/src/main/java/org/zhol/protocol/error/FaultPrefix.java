// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

/**
 * Where a fault was raised, as the first segments of an X-Road fault code.
 *
 * <p>Each prefix has a CamelCase form (X-Road up to 7.7, and what Zhol emits) and the lower-case form
 * that X-Road 7.8 emits. Both are accepted on input.
 */
public enum FaultPrefix {
    /** The caller (client information system) sent something wrong. */
    CLIENT("Client", "client"),
    /** Raised by the consumer's security server (the client proxy). */
    SERVER_CLIENT_PROXY("Server.ClientProxy", "server.clientproxy"),
    /** Raised by the provider's security server (the server proxy). */
    SERVER_SERVER_PROXY("Server.ServerProxy", "server.serverproxy"),
    /** Raised by a key token. */
    SIGNER("Signer", "signer");

    private final String camel;
    private final String snake;

    FaultPrefix(String camel, String snake) {
        this.camel = camel;
        this.snake = snake;
    }

    /** The CamelCase form, e.g. {@code Server.ClientProxy}. */
    public String camel() {
        return camel;
    }

    /** The X-Road 7.8 form, e.g. {@code server.clientproxy}. */
    public String snake() {
        return snake;
    }
}
