// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;

/** A global group of an instance: {@code INSTANCE/GROUPCODE}. */
public record GlobalGroupId(String instance, String groupCode) implements XRoadId {

    public GlobalGroupId {
        IdentifierRules.code("xRoadInstance", instance);
        IdentifierRules.code("groupCode", groupCode);
    }

    /** Parses {@code INSTANCE/GROUPCODE}. */
    public static GlobalGroupId parse(String path) {
        List<String> p = IdentifierRules.split(path, 2, 2, "global group");
        return new GlobalGroupId(p.get(0), p.get(1));
    }

    @Override
    public XRoadObjectType objectType() {
        return XRoadObjectType.GLOBALGROUP;
    }

    @Override
    public List<String> parts() {
        return List.of(instance, groupCode);
    }

    @Override
    public String toString() {
        return XRoadId.display(this);
    }
}
