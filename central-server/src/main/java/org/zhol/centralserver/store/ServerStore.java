// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.List;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Security servers: their addresses, authentication certificates, clients and maintenance mode. An
 * unknown server is {@code NotFound}; an unknown owner or client is {@code UnknownMember}.
 */
public interface ServerStore {

    /**
     * Registers an authentication certificate for a server, creating the server with {@code address}
     * if it is new; an existing server keeps its address.
     *
     * @param der the certificate's encoding, kept for audit; the configuration lists only its hash
     * @return true when the server was created
     * @throws org.zhol.protocol.error.ZholException {@code InvalidRequest} when the certificate is
     *         registered already (to any server)
     */
    boolean registerAuthCert(SecurityServerId server, String address, CertificateHash hash, byte[] der);

    /** Unregisters an authentication certificate of a server; the server stays, even with none left. */
    void removeAuthCert(SecurityServerId server, CertificateHash hash);

    /** All security servers, by owner and code. */
    List<SecurityServer> list();

    /** Changes a server's address. */
    void setAddress(SecurityServerId server, String address);

    /** Puts a server into or out of maintenance mode. */
    void setMaintenance(SecurityServerId server, boolean maintenance);

    /** Registers a member or subsystem as a client of a server; an existing one is {@code InvalidRequest}. */
    void addClient(SecurityServerId server, ClientId client);

    /** Unregisters a client of a server; one that is not registered there is {@code NotFound}. */
    void removeClient(SecurityServerId server, ClientId client);
}
