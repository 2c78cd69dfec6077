// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;

/** A directory that knows global groups only, for access decisions in tests. */
public record Groups(Map<GlobalGroupId, Set<ClientId>> members) implements MemberDirectory {

    public static Groups none() {
        return new Groups(Map.of());
    }

    @Override
    public String instance() {
        return "DEV";
    }

    @Override
    public Optional<Member> member(MemberId id) {
        return Optional.empty();
    }

    @Override
    public boolean isRegistered(ClientId client) {
        return false;
    }

    @Override
    public Optional<SecurityServer> securityServer(SecurityServerId id) {
        return Optional.empty();
    }

    @Override
    public List<SecurityServer> serversHosting(ClientId client) {
        return List.of();
    }

    @Override
    public boolean isInGroup(ClientId client, GlobalGroupId group) {
        return members.getOrDefault(group, Set.of()).contains(client);
    }
}
