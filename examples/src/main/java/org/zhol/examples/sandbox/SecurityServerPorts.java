// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.util.List;

/**
 * The ports one security server listens on; 0 picks a free port.
 *
 * @param clientHttp  the client proxy for information systems, plain HTTP
 * @param clientHttps the client proxy over HTTPS
 * @param serverProxy the server proxy for other security servers (mutual TLS)
 * @param admin       the admin API
 */
public record SecurityServerPorts(int clientHttp, int clientHttps, int serverProxy, int admin) {

    /** Every port chosen by the system at start. */
    public static final SecurityServerPorts EPHEMERAL = new SecurityServerPorts(0, 0, 0, 0);

    public SecurityServerPorts {
        check("clientHttp", clientHttp);
        check("clientHttps", clientHttps);
        check("serverProxy", serverProxy);
        check("admin", admin);
    }

    /** Refuses a number that is no port (0 = any). Here, not in {@link SandboxPorts}, whose defaults hold instances of this. */
    static void check(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port 0-65535, was " + port);
        }
    }

    /** The {@code listeners.*} options of the security server's configuration file for these ports on {@code host}. */
    public List<String> settings(String host) {
        return List.of("listeners.clientHttp.host=" + host, "listeners.clientHttp.port=" + clientHttp,
                "listeners.clientHttps.host=" + host, "listeners.clientHttps.port=" + clientHttps,
                "listeners.serverProxy.host=" + host, "listeners.serverProxy.port=" + serverProxy,
                "listeners.admin.host=" + host, "listeners.admin.port=" + admin);
    }
}
