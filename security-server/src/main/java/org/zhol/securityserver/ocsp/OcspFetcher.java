// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import org.zhol.protocol.ocsp.OcspClient;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;

/**
 * Asks the responders of a certificate's CA for its status. In production this is
 * {@code ocspClient::fetch} ({@link OcspClient#fetch(OcspTarget)}); tests may count or replace calls.
 */
@FunctionalInterface
public interface OcspFetcher {

    /**
     * @return an authentic response about {@code target.certificate()}, of any status and age
     * @throws org.zhol.protocol.error.ZholException when no responder gave a usable answer
     */
    OcspResponse fetch(OcspTarget target);
}
