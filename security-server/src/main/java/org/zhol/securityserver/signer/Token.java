// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

/**
 * A {@link Signer} with a life cycle: constructors do no I/O; {@link #open} logs in with a PIN and
 * loads the keys; {@link #close} locks it again. A wrong PIN leaves the token locked and may be
 * followed by another {@link #open}.
 */
public sealed interface Token extends Signer, AutoCloseable permits SoftwareToken, Pkcs11Token {

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
