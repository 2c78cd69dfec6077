// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.util.Collection;
import java.util.Optional;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.RegistrationStatus;

/**
 * The two rules that tie kept requests to the global configuration, as pure functions: when a
 * configuration shows a request's change, and which registration status a local client has.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * Whether the configuration's entry for this server ({@code self}, empty when it is not listed) shows
     * the change that {@code request} asks for: the certificate's hash is listed; the client is listed
     * among its clients, or is not; the address is the one asked for; the maintenance flag is as asked.
     */
    public static boolean shows(RegistrationRequest request, Optional<SecurityServer> self) {
        String subject = request.subject();
        return switch (request.type()) {
            case AUTH_CERT_REG -> self.map(s -> s.hasAuthCert(new CertificateHash(subject))).orElse(false);
            case CLIENT_REG -> self.map(s -> lists(s, subject)).orElse(false);
            case CLIENT_DELETION -> self.map(s -> !lists(s, subject)).orElse(true);
            case ADDRESS_CHANGE -> self.map(s -> s.address().equals(subject)).orElse(false);
            case MAINTENANCE_MODE -> self.map(s -> s.maintenance() == subject.equals("on")).orElse(false);
        };
    }

    /**
     * The registration status of a local client: the latest open request about it decides
     * ({@code REGISTRATION_REQUESTED} or {@code DELETION_REQUESTED}); without one, the configuration does
     * ({@code REGISTERED} when it lists the client on this server, else {@code SAVED}); with neither
     * (no valid configuration) the status stays as it is.
     *
     * @param client  the local client
     * @param current its status now
     * @param open    the open requests (any), in submission order
     * @param held    whether a valid configuration is held
     * @param self    the configuration's entry for this server; empty when not listed or none is held
     */
    public static RegistrationStatus clientStatus(SubsystemId client, RegistrationStatus current,
            Collection<RegistrationRequest> open, boolean held, Optional<SecurityServer> self) {
        String subject = client.toPath();
        Optional<RegistrationRequest> latest = open.stream()
                .filter(r -> r.open() && r.type().aboutClient() && r.subject().equals(subject))
                .reduce((earlier, later) -> later);
        if (latest.isPresent()) {
            return latest.get().type() == RequestType.CLIENT_REG ? RegistrationStatus.REGISTRATION_REQUESTED
                    : RegistrationStatus.DELETION_REQUESTED;
        }
        if (!held) {
            return current;
        }
        return self.map(s -> lists(s, subject)).orElse(false) ? RegistrationStatus.REGISTERED : RegistrationStatus.SAVED;
    }

    private static boolean lists(SecurityServer server, String clientPath) {
        return server.clients().stream().anyMatch(c -> c.toPath().equals(clientPath));
    }
}
