// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;
import java.util.Objects;

/** A security server, named by its owner member and a server code: {@code INSTANCE/CLASS/CODE/SERVERCODE}. */
public record SecurityServerId(MemberId owner, String serverCode) implements XRoadId {

    public SecurityServerId {
        Objects.requireNonNull(owner, "owner");
        IdentifierRules.code("serverCode", serverCode);
    }

    /** Parses {@code INSTANCE/CLASS/CODE/SERVERCODE}. */
    public static SecurityServerId parse(String path) {
        List<String> p = IdentifierRules.split(path, 4, 4, "security server");
        return new SecurityServerId(new MemberId(p.get(0), p.get(1), p.get(2)), p.get(3));
    }

    @Override
    public String instance() {
        return owner.instance();
    }

    @Override
    public XRoadObjectType objectType() {
        return XRoadObjectType.SERVER;
    }

    @Override
    public List<String> parts() {
        return List.of(owner.instance(), owner.memberClass(), owner.memberCode(), serverCode);
    }

    @Override
    public String toString() {
        return XRoadId.display(this);
    }
}
