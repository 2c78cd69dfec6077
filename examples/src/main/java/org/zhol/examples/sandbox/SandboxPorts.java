// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port of the sandbox; 0 picks a free port. The defaults are listed in the README.
 *
 * @param ocsp                the dev CA's OCSP responder (8888)
 * @param tsa                 the dev TSA (8899)
 * @param centralRegistration the central server's registration listener, HTTPS (4001)
 * @param centralDownload     the central server's configuration download, HTTP (8070)
 * @param centralAdmin        the central server's admin API (4002)
 * @param ss1                 SS1, the Tax Board's server (8080, 8443, 5500, 4000)
 * @param ss2                 SS2, the Population Register's server (8081, 8444, 5501, 4100)
 * @param demo                the demo provider information system (9000)
 */
public record SandboxPorts(int ocsp, int tsa, int centralRegistration, int centralDownload, int centralAdmin,
        SecurityServerPorts ss1, SecurityServerPorts ss2, int demo) {

    /** The documented defaults. */
    public static final SandboxPorts DEFAULTS = new SandboxPorts(8888, 8899, 4001, 8070, 4002,
            new SecurityServerPorts(8080, 8443, 5500, 4000), new SecurityServerPorts(8081, 8444, 5501, 4100), 9000);

    /** Every port chosen by the system, as tests want. */
    public static final SandboxPorts EPHEMERAL = new SandboxPorts(0, 0, 0, 0, 0, SecurityServerPorts.EPHEMERAL,
            SecurityServerPorts.EPHEMERAL, 0);

    public SandboxPorts {
        check("ocsp", ocsp);
        check("tsa", tsa);
        check("centralRegistration", centralRegistration);
        check("centralDownload", centralDownload);
        check("centralAdmin", centralAdmin);
        java.util.Objects.requireNonNull(ss1, "ss1");
        java.util.Objects.requireNonNull(ss2, "ss2");
        check("demo", demo);
    }

    /** Each port by a readable name, in start order. */
    public Map<String, Integer> byName() {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("OCSP responder", ocsp);
        all.put("TSA", tsa);
        all.put("central registration", centralRegistration);
        all.put("central download", centralDownload);
        all.put("central admin", centralAdmin);
        all.put("SS1 client proxy HTTP", ss1.clientHttp());
        all.put("SS1 client proxy HTTPS", ss1.clientHttps());
        all.put("SS1 server proxy", ss1.serverProxy());
        all.put("SS1 admin", ss1.admin());
        all.put("SS2 client proxy HTTP", ss2.clientHttp());
        all.put("SS2 client proxy HTTPS", ss2.clientHttps());
        all.put("SS2 server proxy", ss2.serverProxy());
        all.put("SS2 admin", ss2.admin());
        all.put("demo provider", demo);
        return all;
    }

    private static void check(String name, int port) {
        SecurityServerPorts.check(name, port);
    }
}
