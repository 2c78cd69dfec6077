// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import org.zhol.protocol.cert.CertificateRole;

/**
 * What a key is for: {@link #AUTH} keys authenticate the security server in TLS; {@link #SIGN} keys
 * sign messages for one member, whose id the key carries.
 */
public enum KeyRole {
    /** The security server's TLS key; its certificate must pass {@link CertificateRole#AUTHENTICATION}. */
    AUTH,
    /** A member's message-signing key; its certificate must pass {@link CertificateRole#SIGNING}. */
    SIGN;

    /** The certificate role that a certificate for a key of this role must pass. */
    public CertificateRole certificateRole() {
        return this == AUTH ? CertificateRole.AUTHENTICATION : CertificateRole.SIGNING;
    }
}
