// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.util.Optional;

/**
 * What a signature on a management request vouches for. The wire name is the constant's name.
 *
 * <ul>
 *   <li>{@link #OWNER}: the security server's owner member, with its signing key (nonRepudiation), an
 *       OCSP response embedded; every request needs it.</li>
 *   <li>{@link #AUTH_KEY_POSSESSION}: the authentication key being registered, proving that the sender
 *       holds it; only {@link AuthCertRegistration}, where it is required.</li>
 *   <li>{@link #CLIENT}: the member that owns a client being registered, with its signing key; required
 *       on {@link ClientRegistration} exactly when that member is not the server's owner.</li>
 * </ul>
 *
 * <p><b>Pitfalls:</b> {@link #byWireName} is exact and case-sensitive.
 */
public enum SignatureRole {
    OWNER,
    AUTH_KEY_POSSESSION,
    CLIENT;

    /** The role named {@code name} on the wire, or empty. */
    public static Optional<SignatureRole> byWireName(String name) {
        for (SignatureRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
