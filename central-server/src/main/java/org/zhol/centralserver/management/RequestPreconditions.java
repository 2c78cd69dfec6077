// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import java.util.Optional;
import org.zhol.centralserver.store.ManagementRequestStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.management.AddressChange;
import org.zhol.protocol.management.AuthCertRegistration;
import org.zhol.protocol.management.ClientDeletion;
import org.zhol.protocol.management.ClientRegistration;
import org.zhol.protocol.management.MaintenanceMode;
import org.zhol.protocol.management.ManagementRequest;

/**
 * The registry's preconditions of a verified request, checked on receipt and again on approval. The
 * codes are those of {@code central-server/docs/management.md}: {@code UnknownMember} for an owner or
 * client that is not registered, {@code InvalidSecurityServer} for a server that has no registered
 * authentication certificate yet, {@code NotFound} for deleting a client the server does not have,
 * {@code InvalidRequest} for a duplicate (registered already, or the same registration pending).
 */
final class RequestPreconditions {

    private final ManagementRequestStore requests;

    RequestPreconditions(ManagementRequestStore requests) {
        this.requests = requests;
    }

    /**
     * Checks {@code request} against {@code conf}.
     *
     * @param refusePending whether a pending request of the same kind is a duplicate (on receipt; not
     *                      when the pending one itself is being approved)
     */
    void check(ManagementRequest request, GlobalConfiguration conf, boolean refusePending) {
        SecurityServerId id = request.server();
        if (conf.member(id.owner()).isEmpty()) {
            throw ZholException.client(ErrorCode.UNKNOWN_MEMBER, "The owner " + id.owner().toPath()
                    + " is not a registered member");
        }
        Optional<SecurityServer> server = conf.securityServer(id);
        switch (request) {
            case AuthCertRegistration r -> {
                CertificateHash hash = CertificateHash.of(r.authCertificateDer());
                if (conf.securityServers().stream().anyMatch(s -> s.authCertHashes().contains(hash))) {
                    throw duplicate("The authentication certificate " + hash.hex() + " is registered already");
                }
            }
            case ClientRegistration r -> {
                SecurityServer existing = requireServer(server, id);
                requireRegistered(conf, r.client());
                if (existing.clients().contains(r.client())) {
                    throw duplicate(r.client().toPath() + " is a client of " + id.toPath() + " already");
                }
            }
            case ClientDeletion r -> {
                if (!requireServer(server, id).clients().contains(r.client())
                        && !requests.isPending("clientReg", id.toPath(), r.client().toPath())) {
                    throw ZholException.client(ErrorCode.NOT_FOUND, r.client().toPath() + " is not a client of "
                            + id.toPath());
                }
            }
            case AddressChange r -> requireServer(server, id);
            case MaintenanceMode r -> requireServer(server, id);
        }
        RequestKind kind = RequestKind.of(request);
        if (refusePending && !kind.immediate() && requests.isPending(kind.type(), id.toPath(), kind.subject())) {
            throw duplicate("The same " + kind.type() + " request for " + id.toPath() + " is pending already");
        }
    }

    private static SecurityServer requireServer(Optional<SecurityServer> server, SecurityServerId id) {
        return server.orElseThrow(() -> ZholException.client(ErrorCode.INVALID_SECURITY_SERVER, "The security server "
                + id.toPath() + " is not registered; register its authentication certificate first"));
    }

    private static void requireRegistered(GlobalConfiguration conf, ClientId client) {
        if (!conf.isRegistered(client)) {
            throw ZholException.client(ErrorCode.UNKNOWN_MEMBER, client.toPath() + " is not a registered "
                    + (client instanceof org.zhol.protocol.id.MemberId ? "member" : "subsystem"));
        }
    }

    private static ZholException duplicate(String detail) {
        return ZholException.client(ErrorCode.INVALID_REQUEST, detail);
    }
}
