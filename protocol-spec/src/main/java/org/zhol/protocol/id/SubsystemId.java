// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A subsystem of a member: {@code INSTANCE/CLASS/CODE/SUBSYSTEM}. */
public record SubsystemId(MemberId member, String subsystemCode) implements ClientId {

    public SubsystemId {
        Objects.requireNonNull(member, "member");
        IdentifierRules.code("subsystemCode", subsystemCode);
    }

    /** Parses {@code INSTANCE/CLASS/CODE/SUBSYSTEM}. */
    public static SubsystemId parse(String path) {
        List<String> p = IdentifierRules.split(path, 4, 4, "subsystem");
        return new SubsystemId(new MemberId(p.get(0), p.get(1), p.get(2)), p.get(3));
    }

    /** A service of this subsystem, without a version. */
    public ServiceId service(String serviceCode) {
        return new ServiceId(this, serviceCode, Optional.empty());
    }

    @Override
    public String instance() {
        return member.instance();
    }

    @Override
    public XRoadObjectType objectType() {
        return XRoadObjectType.SUBSYSTEM;
    }

    @Override
    public List<String> parts() {
        return List.of(member.instance(), member.memberClass(), member.memberCode(), subsystemCode);
    }

    @Override
    public String toString() {
        return XRoadId.display(this);
    }
}
