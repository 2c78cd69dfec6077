// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.zhol.securityserver.exchange.AuthIdentity;

/**
 * Presents the server's authentication key and certificate in every handshake, on both sides. The
 * identity is asked at each handshake, so a renewed certificate is used from the next connection on.
 * The key may be a PKCS#11 key: JSSE signs with it through the key's own provider.
 */
final class AuthKeyManager extends X509ExtendedKeyManager {

    /** The one alias: the key manager holds exactly one key. */
    static final String ALIAS = "auth";

    private final AuthIdentity identity;

    AuthKeyManager(AuthIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return fits(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return fits(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return fits(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        if (!ALIAS.equals(alias)) {
            return null;
        }
        List<X509Certificate> chain = identity.chain();
        return chain.toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? identity.privateKey() : null;
    }

    private String choose(String[] keyTypes) {
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                if (fits(keyType)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    // JSSE asks by key algorithm ("EC", "RSA"); RSA-PSS signatures with an RSA key are asked as "RSA".
    private boolean fits(String keyType) {
        return keyType != null && keyType.equalsIgnoreCase(identity.privateKey().getAlgorithm());
    }
}
