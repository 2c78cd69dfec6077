// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Where a security server's proxy listens, from the {@code address} in the global configuration:
 * {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; a bare IPv6 address (more than one
 * colon) is a host without port. The default port is the server proxy's, 5500.
 *
 * @param host a host name or IP address literal (IPv6 without brackets)
 * @param port 1 to 65535
 */
record PeerAddress(String host, int port) {

    PeerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid peer address " + host + ":" + port);
        }
    }

    /**
     * Parses a configured address.
     *
     * @throws ZholException {@code NetworkError} when it is not one of the forms above
     */
    static PeerAddress parse(String address, int defaultPort) {
        String text = address.strip();
        try {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                String host = text.substring(1, close);
                String rest = text.substring(close + 1);
                if (rest.isEmpty()) {
                    return new PeerAddress(host, defaultPort);
                }
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException(rest);
                }
                return new PeerAddress(host, port(rest.substring(1)));
            }
            int colon = text.indexOf(':');
            if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
                return new PeerAddress(text, defaultPort);
            }
            return new PeerAddress(text.substring(0, colon), port(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "The security server address '" + address
                    + "' is not host[:port]", e);
        }
    }

    private static int port(String digits) {
        if (!digits.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("not a port: " + digits);
        }
        return Integer.parseInt(digits);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
