// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import org.zhol.protocol.cert.CertificateProfile;

/**
 * A {@link Signer} with a life cycle: constructors do no I/O; {@link #open} logs in with a PIN and
 * loads the keys; {@link #close} locks it again. A wrong PIN leaves the token locked and may be
 * followed by another {@link #open}.
 */
public sealed interface Token extends Signer, AutoCloseable permits SoftwareToken, Pkcs11Token {

    /** A locked token of the kind {@code config} names; nothing is read or loaded until {@link #open}. */
    static Token create(TokenConfig config, CertificateProfile profile) {
        return switch (config) {
            case TokenConfig.Software software -> new SoftwareToken(software, profile);
            case TokenConfig.Pkcs11 pkcs11 -> new Pkcs11Token(pkcs11, profile);
        };
    }

    /**
     * Whether the token has been initialised (its PIN set). A software token is initialised by its
     * first {@link #open}, which {@code init} does; a PKCS#11 token by its own tools (e.g.
     * {@code softhsm2-util --init-token}), so it always answers true.
     */
    default boolean initialised() {
        return true;
    }

    /** The token id from its configuration. */
    String id();

    /**
     * Logs in and loads the keys and certificates from the token's storage (no network).
     *
     * @throws org.zhol.protocol.error.ZholException {@code PinIncorrect} for a wrong PIN,
     *         {@code LoginFailed} when the PIN cannot be read or the token refuses the login; the token
     *         stays locked in both cases
     */
    void open(PinSource pin);

    /** Locks the token: forgets the keys and the PIN. Idempotent. */
    @Override
    void close();
}
