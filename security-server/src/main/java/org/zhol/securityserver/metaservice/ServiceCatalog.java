// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.registry.ServiceType;

/**
 * What {@code listMethods} and {@code allowedMethods} list, read from the local service registry.
 *
 * <p>A service's <em>endpoints</em> are the distinct endpoints that access rights on its code name, in
 * the order they were granted, without the whole-service endpoint {@code * **} (X-Road lists the
 * endpoints defined on a service and leaves out that base endpoint; Zhol's registry keeps endpoints
 * only on rights). A caller is <em>allowed</em> a service when one of its rights (granted to it, or to a
 * global group it is in) is on the service's code; it is then allowed those endpoints of the service
 * that one of its rights covers. Disabled services are listed, as in X-Road; metaservice codes never are.
 */
final class ServiceCatalog {

    private final ServiceRegistry registry;

    ServiceCatalog(ServiceRegistry registry) {
        this.registry = registry;
    }

    /** A listed service with the endpoints listed for it (REST only; SOAP services have none). */
    record Entry(LocalService service, List<Endpoint> endpoints) {

        Entry {
            Objects.requireNonNull(service, "service");
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * Every service of {@code provider} of this type, in code and version order.
     *
     * @throws ZholException {@code UnknownMember} when the provider is not hosted here
     */
    List<Entry> list(SubsystemId provider, ServiceType type) {
        List<AccessRight> rights = registry.rights(provider);
        List<Entry> out = new ArrayList<>();
        for (LocalService s : services(provider, type)) {
            out.add(new Entry(s, endpoints(rights, s.id().serviceCode())));
        }
        return out;
    }

    /**
     * The services of {@code provider} of this type that {@code caller} holds a right on, each with the
     * endpoints its rights cover.
     *
     * @throws ZholException {@code UnknownMember} when the provider is not hosted here
     */
    List<Entry> allowed(SubsystemId provider, ServiceType type, ClientId caller, MemberDirectory groups) {
        List<AccessRight> rights = registry.rights(provider);
        List<Entry> out = new ArrayList<>();
        for (LocalService s : services(provider, type)) {
            List<Endpoint> own = rights.stream().filter(r -> r.serviceCode().equals(s.id().serviceCode()))
                    .filter(r -> r.grantsTo(caller, groups)).map(AccessRight::endpoint).toList();
            if (own.isEmpty()) {
                continue;
            }
            List<Endpoint> covered = endpoints(rights, s.id().serviceCode()).stream()
                    .filter(e -> own.stream().anyMatch(o -> covers(o, e))).toList();
            out.add(new Entry(s, covered));
        }
        return out;
    }

    /** Whether {@code caller} holds a right on any endpoint of {@code provider}'s {@code serviceCode}. */
    boolean mayUse(ClientId caller, SubsystemId provider, String serviceCode, MemberDirectory groups) {
        return registry.rights(provider, serviceCode).stream().anyMatch(r -> r.grantsTo(caller, groups));
    }

    /**
     * The service whose description is asked for: the exact version when one is given; without one, the
     * service without a version if there is one, else the first version of the code.
     *
     * @throws ZholException {@code UnknownMember}, or {@code UnknownService} when there is no such service
     */
    LocalService find(SubsystemId provider, String serviceCode, Optional<String> version) {
        List<LocalService> versions = registry.services(provider).stream()
                .filter(s -> s.id().serviceCode().equals(serviceCode)).toList();
        Optional<LocalService> found = version.isPresent()
                ? versions.stream().filter(s -> s.id().serviceVersion().equals(version)).findFirst()
                : versions.stream().filter(s -> s.id().serviceVersion().isEmpty()).findFirst()
                        .or(() -> versions.stream().findFirst());
        return found.orElseThrow(() -> ZholException.client(ErrorCode.UNKNOWN_SERVICE, "Unknown service: "
                + provider.service(serviceCode) + version.map(v -> "/" + v).orElse("")));
    }

    private List<LocalService> services(SubsystemId provider, ServiceType type) {
        return registry.services(provider).stream().filter(s -> s.type() == type)
                .filter(s -> !Metaservices.isReserved(s.id().serviceCode())).toList();
    }

    private static List<Endpoint> endpoints(List<AccessRight> rights, String serviceCode) {
        Set<Endpoint> out = new LinkedHashSet<>();
        for (AccessRight r : rights) {
            if (r.serviceCode().equals(serviceCode) && !r.endpoint().isAny()) {
                out.add(r.endpoint());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a granted endpoint covers a listed one, read as X-Road matches an ACL entry against an
     * endpoint: the method is any or the same, and the granted pattern matches the listed pattern's text.
     */
    private static boolean covers(Endpoint granted, Endpoint listed) {
        if (granted.isAny()) {
            return true;
        }
        boolean method = granted.method().isEmpty() || granted.method().equals(listed.method());
        return method && granted.path().matches(listed.path().pattern());
    }
}
