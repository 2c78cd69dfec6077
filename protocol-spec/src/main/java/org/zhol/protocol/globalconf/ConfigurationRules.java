// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.XRoadId;

/** The consistency rules of {@link GlobalConfiguration}; each failure is {@code MalformedGlobalConf}. */
final class ConfigurationRules {

    private ConfigurationRules() {
    }

    static void check(String instance, List<MemberClass> classes, List<Member> members, List<SecurityServer> servers,
            List<GlobalGroup> groups) {
        unique("member class", classes.stream().map(MemberClass::code).toList());
        unique("member", members.stream().map(Member::id).toList());
        unique("security server", servers.stream().map(SecurityServer::id).toList());
        unique("global group", groups.stream().map(GlobalGroup::id).toList());
        Set<String> classCodes = new HashSet<>(classes.stream().map(MemberClass::code).toList());
        Set<ClientId> registered = new HashSet<>();
        for (Member member : members) {
            sameInstance(instance, member.id());
            if (!classCodes.contains(member.id().memberClass())) {
                throw GlobalConfFaults.malformed("Member " + member.id() + " has an unlisted member class");
            }
            registered.add(member.id());
            registered.addAll(member.subsystems());
        }
        for (SecurityServer server : servers) {
            sameInstance(instance, server.id());
            if (!registered.contains(server.id().owner())) {
                throw GlobalConfFaults.malformed("Security server " + server.id() + " is owned by an unknown member");
            }
            for (ClientId client : server.clients()) {
                if (!registered.contains(client)) {
                    throw GlobalConfFaults.malformed("Security server " + server.id() + " hosts unknown " + client);
                }
            }
        }
        groups.forEach(g -> sameInstance(instance, g.id()));
    }

    static void unique(String what, List<?> values) {
        Set<Object> seen = new HashSet<>();
        for (Object value : values) {
            if (!seen.add(value)) {
                throw GlobalConfFaults.malformed("Duplicate " + what + ": " + value);
            }
        }
    }

    private static void sameInstance(String instance, XRoadId id) {
        if (!id.instance().equals(instance)) {
            throw GlobalConfFaults.malformed(id + " is not in instance " + instance);
        }
    }
}
