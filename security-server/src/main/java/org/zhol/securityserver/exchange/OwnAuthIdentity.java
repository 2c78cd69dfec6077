// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * This server's TLS identity, chosen afresh at each call from the token: the AUTH key with an imported
 * certificate that the global configuration registers for this server and that has a fresh GOOD OCSP
 * response in the own-certificate cache. When several qualify, the one generated last wins (a rotation
 * registers the new certificate before the old one is removed).
 *
 * <p><b>Pitfalls:</b> the three methods each choose again; a caller that needs a consistent triple takes
 * {@link #current()} once.
 */
public final class OwnAuthIdentity implements AuthIdentity {

    private final SecurityServerId serverId;
    private final Signer signer;
    private final OwnOcspResponses ocsp;
    private final CurrentConfiguration configuration;

    public OwnAuthIdentity(SecurityServerId serverId, Signer signer, OwnOcspResponses ocsp,
            CurrentConfiguration configuration) {
        this.serverId = serverId;
        this.signer = signer;
        this.ocsp = ocsp;
        this.configuration = configuration;
    }

    /**
     * The key, certificate and stapled OCSP response to use now.
     *
     * @param keyId        the token's key id
     * @param privateKey   the key
     * @param certificate  its certificate
     * @param ocspResponse the fresh OCSP response for it (DER)
     */
    public record Choice(String keyId, PrivateKey privateKey, X509Certificate certificate, byte[] ocspResponse) {
    }

    /**
     * Chooses the identity.
     *
     * @throws ZholException {@code OutdatedGlobalConf} without a valid configuration;
     *                       {@code SslAuthenticationFailed} when no AUTH certificate is registered for this
     *                       server; {@code MissingValidationInfo} when none of those has a fresh OCSP response
     */
    public Choice current() {
        GlobalConfiguration conf = configuration.require();
        SecurityServer self = conf.securityServer(serverId).orElseThrow(() -> fault(
                ErrorCode.SSL_AUTHENTICATION_FAILED, "This server " + serverId
                        + " is not registered in the global configuration"));
        List<KeyInfo> candidates = signer.keys().stream()
                .filter(k -> k.role() == KeyRole.AUTH && !k.certificates().isEmpty())
                .filter(k -> self.hasAuthCert(CertificateHash.of(k.certificates().getFirst())))
                .sorted(Comparator.comparingInt((KeyInfo k) -> signer.keys().indexOf(k)).reversed())
                .toList();
        if (candidates.isEmpty()) {
            throw fault(ErrorCode.SSL_AUTHENTICATION_FAILED,
                    "No authentication certificate of this server is registered in the global configuration");
        }
        for (KeyInfo key : candidates) {
            X509Certificate certificate = key.certificates().getFirst();
            Optional<byte[]> response = ocsp.freshResponse(certificate);
            if (response.isPresent()) {
                return new Choice(key.keyId(), signer.tlsKey(key.keyId()), certificate, response.get());
            }
        }
        throw fault(ErrorCode.MISSING_VALIDATION_INFO,
                "No authentication certificate of this server has a fresh OCSP response");
    }

    @Override
    public PrivateKey privateKey() {
        return current().privateKey();
    }

    @Override
    public List<X509Certificate> chain() {
        return List.of(current().certificate());
    }

    @Override
    public byte[] ocspResponse() {
        return current().ocspResponse();
    }

    private static ZholException fault(ErrorCode code, String detail) {
        return new ZholException(FaultCode.of(code), Origin.THIS_SERVER, detail, null);
    }
}
