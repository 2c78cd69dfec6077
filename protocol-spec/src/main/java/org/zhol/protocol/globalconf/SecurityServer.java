// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * A registered security server.
 *
 * @param id             the owner member and the server code
 * @param address        the host name or IP address that other servers connect to
 * @param authCertHashes the SHA-256 hashes of its registered authentication certificates
 * @param clients        the members and subsystems it hosts
 * @param maintenance    whether it is in maintenance mode (peers should prefer others)
 */
public record SecurityServer(SecurityServerId id, String address, List<CertificateHash> authCertHashes,
        List<ClientId> clients, boolean maintenance) {

    public SecurityServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
            throw GlobalConfFaults.malformed("Security server " + id + " has an empty address");
        }
        authCertHashes = List.copyOf(authCertHashes);
        clients = List.copyOf(clients);
    }

    /** Whether {@code hash} is one of its authentication certificates. */
    public boolean hasAuthCert(CertificateHash hash) {
        return authCertHashes.contains(hash);
    }
}
