// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.util.Objects;
import java.util.function.Supplier;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspClient;
import org.zhol.protocol.ocsp.OcspClientConfig;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;
import org.zhol.securityserver.ocsp.OcspFetcher;

/**
 * The OCSP cache's fetcher: an {@link OcspClient} whose verifier is built from the trust parameters of
 * the current global configuration. The client is rebuilt only when those parameters change, so that its
 * HTTP connections are reused between fetches. The trust supplier throws while there is no valid
 * configuration; the cache reports that.
 */
final class OwnOcspFetcher implements OcspFetcher, AutoCloseable {

    private final OcspClientConfig config;
    private final Supplier<TrustParameters> parameters;
    private TrustParameters clientParameters;
    private OcspClient client;

    OwnOcspFetcher(OcspClientConfig config, Supplier<TrustParameters> parameters) {
        this.config = Objects.requireNonNull(config, "config");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public OcspResponse fetch(OcspTarget target) {
        return client(parameters.get()).fetch(target);
    }

    private synchronized OcspClient client(TrustParameters current) {
        if (client == null || !current.equals(clientParameters)) {
            if (client != null) {
                client.close();
            }
            client = new OcspClient(config, new OcspVerifier(current));
            clientParameters = current;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
