// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;

/** An X-Road member: {@code INSTANCE/CLASS/CODE}, e.g. {@code EE/GOV/70000310}. */
public record MemberId(String instance, String memberClass, String memberCode) implements ClientId {

    public MemberId {
        IdentifierRules.code("xRoadInstance", instance);
        IdentifierRules.code("memberClass", memberClass);
        IdentifierRules.code("memberCode", memberCode);
    }

    /** Parses {@code INSTANCE/CLASS/CODE}. */
    public static MemberId parse(String path) {
        List<String> p = IdentifierRules.split(path, 3, 3, "member");
        return new MemberId(p.get(0), p.get(1), p.get(2));
    }

    /** A subsystem of this member. */
    public SubsystemId subsystem(String subsystemCode) {
        return new SubsystemId(this, subsystemCode);
    }

    @Override
    public MemberId member() {
        return this;
    }

    @Override
    public XRoadObjectType objectType() {
        return XRoadObjectType.MEMBER;
    }

    @Override
    public List<String> parts() {
        return List.of(instance, memberClass, memberCode);
    }

    @Override
    public String toString() {
        return XRoadId.display(this);
    }
}
