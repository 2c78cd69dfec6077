// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import java.util.List;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.IsAuthentication;
import org.zhol.securityserver.registry.IsCertificate;

/**
 * Where each local client's information-system authentication is kept: its mode and its whitelist of
 * TLS client certificates. Every method throws {@code UnknownMember} for a client not hosted here.
 */
public interface IsAuthenticationRepository {

    /** The client's mode; {@link IsAuthentication#NONE} unless set. */
    IsAuthentication mode(SubsystemId client);

    /** Sets the client's mode. */
    void setMode(SubsystemId client, IsAuthentication mode);

    /** The client's whitelist, in the order added. */
    List<IsCertificate> certificates(SubsystemId client);

    /** Adds a certificate to the whitelist; returns false when it was there already. */
    boolean addCertificate(SubsystemId client, IsCertificate certificate);

    /** Removes a certificate from the whitelist; returns whether it was there. */
    boolean removeCertificate(SubsystemId client, CertificateHash hash);
}
