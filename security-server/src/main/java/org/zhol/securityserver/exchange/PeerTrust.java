// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.cert.ValidatedChain;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;
import org.zhol.securityserver.globalconf.CurrentConfiguration;

/**
 * The trust decisions about other security servers, over the global configuration held now: a peer's
 * leaf certificate must be registered (by SHA-256) for a security server, chain to an approved CA, carry
 * the authentication key usages, and be shown GOOD by a fresh OCSP response signed for its CA. Host names
 * play no part.
 *
 * <p>Every failure of the certificate itself is {@code SslAuthenticationFailed}, whose detail names the
 * underlying check; an OCSP response keeps its own code ({@code IncorrectValidationInfo.*},
 * {@code CertValidation}, ...), and an expired configuration is {@code OutdatedGlobalConf}.
 */
public final class PeerTrust implements PeerAuthenticator {

    private final CurrentConfiguration configuration;
    private final InstantSource clock;

    public PeerTrust(CurrentConfiguration configuration, InstantSource clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    @Override
    public SecurityServerId authenticate(List<X509Certificate> chain) {
        GlobalConfiguration conf = configuration.require();
        SecurityServer server = registeredServer(conf, chain);
        validate(conf, chain);
        return server.id();
    }

    @Override
    public void checkOcsp(List<X509Certificate> chain, byte[] ocspResponse) {
        GlobalConfiguration conf = configuration.require();
        registeredServer(conf, chain);
        ValidatedChain validated = validate(conf, chain);
        if (ocspResponse == null || ocspResponse.length == 0) {
            throw new ZholException(FaultCode.of(ErrorCode.MISSING_VALIDATION_INFO), Origin.PEER_SERVER,
                    "The peer sent no OCSP response for its authentication certificate", null);
        }
        OcspResponse response = OcspResponse.decode(ocspResponse);
        new OcspVerifier(conf.trustParameters()).verify(response, OcspTarget.of(validated), clock.instant());
    }

    /** The server the leaf is registered for. */
    private static SecurityServer registeredServer(GlobalConfiguration conf, List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw failed("The peer presented no certificate", null);
        }
        CertificateHash hash = CertificateHash.of(chain.getFirst());
        return conf.securityServers().stream().filter(s -> s.hasAuthCert(hash)).findFirst()
                .orElseThrow(() -> failed("The peer's certificate " + hash.hex().substring(0, 16)
                        + "... is not registered for any security server in the global configuration", null));
    }

    private ValidatedChain validate(GlobalConfiguration conf, List<X509Certificate> chain) {
        X509Certificate leaf = chain.getFirst();
        try {
            ValidatedChain validated = CertChainValidator.validate(leaf, chain.subList(1, chain.size()),
                    conf.approvedCas(), clock.instant());
            CertificateRole.AUTHENTICATION.check(leaf);
            return validated;
        } catch (ZholException e) {
            throw failed("The peer's certificate is not trusted: " + e.faultCode() + ": "
                    + Faults.excerpt(e.detail()), e);
        }
    }

    private static ZholException failed(String detail, Throwable cause) {
        return new ZholException(FaultCode.of(ErrorCode.SSL_AUTHENTICATION_FAILED), Origin.PEER_SERVER, detail,
                cause);
    }
}
