// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.securityserver.store.AccessRightRepository;
import org.zhol.securityserver.store.LocalClientRepository;
import org.zhol.securityserver.store.ServiceRepository;

/**
 * The local service registry: the subsystems hosted here, their services and the access rights on
 * them. It validates every change and answers with stable codes:
 * <ul>
 *   <li>{@code UnknownMember}: the subsystem is not hosted here;</li>
 *   <li>{@code UnknownService}: the client has no such service (code and version);</li>
 *   <li>{@code BadRequest}: a duplicate, a reserved service code ({@link #RESERVED_CODES}), or a right
 *       that does not fit the service;</li>
 *   <li>{@code NotFound}: revoking a right that was never granted;</li>
 *   <li>{@code AccessDenied}, {@code ServiceDisabled}: from {@link #authorize}.</li>
 * </ul>
 */
public final class ServiceRegistry {

    /**
     * The metaservices' codes, which no local service may take, as X-Road reserves them; the security
     * server answers them itself ({@code org.zhol.securityserver.metaservice}).
     */
    public static final Set<String> RESERVED_CODES = Set.of("listClients", "listMethods", "allowedMethods",
            "getOpenAPI", "getWsdl");

    private final LocalClientRepository clients;
    private final ServiceRepository services;
    private final AccessRightRepository rights;

    public ServiceRegistry(LocalClientRepository clients, ServiceRepository services, AccessRightRepository rights) {
        this.clients = clients;
        this.services = services;
        this.rights = rights;
    }

    /** Adds a subsystem to this server, with status {@code SAVED}. */
    public LocalClient addClient(SubsystemId id) {
        return clients.insert(id, RegistrationStatus.SAVED);
    }

    /** A hosted subsystem, or {@code UnknownMember}. */
    public LocalClient client(SubsystemId id) {
        return clients.find(id).orElseThrow(() -> unknownClient(id));
    }

    /** Every hosted subsystem. */
    public List<LocalClient> clients() {
        return clients.list();
    }

    /** Sets a client's registration status; for the registration flows. */
    public void setStatus(SubsystemId id, RegistrationStatus status) {
        if (!clients.setStatus(id, status)) {
            throw unknownClient(id);
        }
    }

    /** Removes a client with its services and rights. */
    public void deleteClient(SubsystemId id) {
        if (!clients.delete(id)) {
            throw unknownClient(id);
        }
    }

    /**
     * Adds a service to a hosted client. All versions of a service code have the same type, since the
     * code's access rights apply to all of them.
     */
    public LocalService addService(LocalService service) {
        if (RESERVED_CODES.contains(service.id().serviceCode())) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The service code " + service.id().serviceCode()
                    + " is reserved for a metaservice");
        }
        client(service.id().provider());
        for (LocalService other : services.list(service.id().provider())) {
            if (other.id().sameServiceAs(service.id()) && other.type() != service.type()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The service code " + service.id().serviceCode()
                        + " is " + other.type() + " in another version; it cannot also be " + service.type());
            }
        }
        services.insert(service);
        return service;
    }

    /** Replaces a service's definition: type, URLs, timeout and whether it is enabled. */
    public LocalService updateService(LocalService service) {
        LocalService old = service(service.id());
        if (old.type() != service.type()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A service cannot change its type; delete and add it");
        }
        services.update(service);
        return service;
    }

    /** A service by code and exact version, or {@code UnknownMember} / {@code UnknownService}. */
    public LocalService service(ServiceId id) {
        Optional<LocalService> found = services.find(id);
        if (found.isPresent()) {
            return found.get();
        }
        client(id.provider());
        throw ZholException.client(ErrorCode.UNKNOWN_SERVICE, "Unknown service: " + id);
    }

    /** A client's services. */
    public List<LocalService> services(SubsystemId client) {
        client(client);
        return services.list(client);
    }

    /** Deletes a service; the rights on its code go with its last version. */
    public void deleteService(ServiceId id) {
        service(id);
        services.delete(id);
        boolean codeRemains = services.list(id.provider()).stream().anyMatch(s -> s.id().sameServiceAs(id));
        if (!codeRemains) {
            rights.deleteAll(id.provider(), id.serviceCode());
        }
    }

    /**
     * Grants a right. The client must host a service with the right's code; a SOAP service takes only
     * rights on the whole service ({@link Endpoint#ANY}).
     *
     * @return false when the same right was granted already
     */
    public boolean grant(AccessRight right) {
        List<LocalService> versions = services(right.provider()).stream()
                .filter(s -> s.id().serviceCode().equals(right.serviceCode())).toList();
        if (versions.isEmpty()) {
            throw ZholException.client(ErrorCode.UNKNOWN_SERVICE,
                    "Unknown service: " + right.provider().service(right.serviceCode()));
        }
        if (versions.getFirst().type() == ServiceType.SOAP && !right.endpoint().isAny()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "A SOAP service takes rights on the whole service only, not on " + right.endpoint());
        }
        return rights.insert(right);
    }

    /** Revokes a right exactly as granted, or {@code NotFound}. */
    public void revoke(AccessRight right) {
        client(right.provider());
        if (!rights.delete(right)) {
            throw ZholException.client(ErrorCode.NOT_FOUND, "No such access right: " + right.subject() + " on "
                    + right.provider().service(right.serviceCode()) + " " + right.endpoint());
        }
    }

    /** The rights on all of a client's services. */
    public List<AccessRight> rights(SubsystemId client) {
        client(client);
        return rights.list(client);
    }

    /** The rights on one service code of a client. */
    public List<AccessRight> rights(SubsystemId client, String serviceCode) {
        client(client);
        return rights.list(client, serviceCode);
    }

    /**
     * What the server proxy asks before it forwards a request: the service must exist
     * ({@code UnknownMember}, {@code UnknownService}), the caller must hold a right
     * ({@code AccessDenied}, see {@link AccessDecision}), and the service must be enabled
     * ({@code ServiceDisabled}; checked last, so that only entitled callers learn of it).
     *
     * @return the service to call
     */
    public LocalService authorize(ClientId caller, ServiceId service, Optional<RestMethod> method,
            Optional<String> path, MemberDirectory groups) {
        LocalService found = service(service);
        AccessDecision.check(caller, service, method, path, rights.list(service.provider(), service.serviceCode()),
                groups);
        if (!found.enabled()) {
            throw ZholException.client(ErrorCode.SERVICE_DISABLED, "Service " + service + " is disabled");
        }
        return found;
    }

    private static ZholException unknownClient(SubsystemId id) {
        return ZholException.client(ErrorCode.UNKNOWN_MEMBER, "The client " + id + " is not hosted on this security server");
    }
}
