// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import java.util.Optional;
import org.zhol.centralserver.registry.Registry;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementRequest;

/**
 * Applies an approved request to the {@link Registry}, idempotently: a change that is there already is
 * not made again, so a request approved before a crash can be re-applied at the next start without a
 * duplicate fault (see "Consistency" in {@code central-server/docs/management.md}).
 */
final class RegistryChanges {

    private final Registry registry;

    RegistryChanges(Registry registry) {
        this.registry = registry;
    }

    /** Makes the change of {@code request} unless it is in the registry already. */
    void apply(ManagementRequest request) {
        SecurityServerId id = request.server();
        Optional<SecurityServer> server = registry.securityServers().stream().filter(s -> s.id().equals(id))
                .findFirst();
        switch (request) {
            case AuthCertRegistration r -> {
                CertificateHash hash = CertificateHash.of(r.authCertificateDer());
                if (server.isEmpty() || !server.get().authCertHashes().contains(hash)) {
                    registry.registerAuthCert(id, r.address(), r.authCertificate());
                }
            }
            case ClientRegistration r -> {
                if (server.isEmpty() || !server.get().clients().contains(r.client())) {
                    registry.addClient(id, r.client());
                }
            }
            case ClientDeletion r -> {
                if (server.isPresent() && server.get().clients().contains(r.client())) {
                    registry.removeClient(id, r.client());
                }
            }
            case AddressChange r -> {
                if (server.isEmpty() || !server.get().address().equals(r.address())) {
                    registry.setAddress(id, r.address());
                }
            }
            case MaintenanceMode r -> {
                if (server.isEmpty() || server.get().maintenance() != r.enabled()) {
                    registry.setMaintenance(id, r.enabled());
                }
            }
        }
    }
}
