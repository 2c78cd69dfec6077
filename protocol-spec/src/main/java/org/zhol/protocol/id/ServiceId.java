// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service of a subsystem: {@code INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICECODE[/VERSION]}.
 *
 * <p>Record equality includes the version. Access rights and service contracts treat all versions of
 * a service as one (PR-MESS §3.1): compare with {@link #withoutVersion()} or
 * {@link #sameServiceAs(ServiceId)} there.
 *
 * <p><b>Pitfalls:</b> X-Road SOAP also allows a service owned by a member with no subsystem; Zhol,
 * like X-Road 6 and later in practice, requires the subsystem.
 */
public record ServiceId(SubsystemId provider, String serviceCode, Optional<String> serviceVersion)
        implements XRoadId {

    public ServiceId {
        Objects.requireNonNull(provider, "provider");
        IdentifierRules.code("serviceCode", serviceCode);
        Objects.requireNonNull(serviceVersion, "serviceVersion");
        serviceVersion.ifPresent(v -> IdentifierRules.code("serviceVersion", v));
    }

    /** A service with a version. */
    public static ServiceId of(SubsystemId provider, String serviceCode, String serviceVersion) {
        return new ServiceId(provider, serviceCode, Optional.of(serviceVersion));
    }

    /** Parses {@code INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICECODE[/VERSION]}. */
    public static ServiceId parse(String path) {
        List<String> p = IdentifierRules.split(path, 5, 6, "service");
        SubsystemId provider = new SubsystemId(new MemberId(p.get(0), p.get(1), p.get(2)), p.get(3));
        return new ServiceId(provider, p.get(4), p.size() == 6 ? Optional.of(p.get(5)) : Optional.empty());
    }

    /** This service with no version, the form that access rights compare. */
    public ServiceId withoutVersion() {
        return serviceVersion.isEmpty() ? this : new ServiceId(provider, serviceCode, Optional.empty());
    }

    /** Whether both name the same service, whatever their versions. */
    public boolean sameServiceAs(ServiceId other) {
        return provider.equals(other.provider) && serviceCode.equals(other.serviceCode);
    }

    @Override
    public String instance() {
        return provider.instance();
    }

    @Override
    public XRoadObjectType objectType() {
        return XRoadObjectType.SERVICE;
    }

    @Override
    public List<String> parts() {
        List<String> parts = new ArrayList<>(provider.parts());
        parts.add(serviceCode);
        serviceVersion.ifPresent(parts::add);
        return List.copyOf(parts);
    }

    @Override
    public String toString() {
        return XRoadId.display(this);
    }
}
