// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;

/**
 * The content of one generation of an instance's global configuration, as a typed immutable value. The
 * central server builds one and writes it with {@link GlobalConfWriter}; a security server gets one
 * from {@link GlobalConfVerifier}. Its wire form is in {@code docs/global-configuration.md}.
 *
 * <p>The constructor checks consistency: every identifier belongs to {@code instance}, codes and names
 * are unique, every member's class is listed, every server's owner is a member and every server's
 * client is a registered member or subsystem.
 *
 * <p><b>Pitfalls:</b> the lookups scan lists; that is fine for hundreds of members. A caller that asks
 * per message on a large instance should index once per generation.
 *
 * @param instance        the instance, e.g. {@code DEV}
 * @param memberClasses   the member classes
 * @param members         the registered members and their subsystems
 * @param securityServers the registered security servers
 * @param globalGroups    the global groups
 * @param approvedCas     the approved certification authorities
 * @param approvedTsas    the approved time-stamping authorities, in preference order
 * @param trustParameters the timing parameters
 */
// Eight components: this record is the configuration document itself, one component per section.
public record GlobalConfiguration(String instance, List<MemberClass> memberClasses, List<Member> members,
        List<SecurityServer> securityServers, List<GlobalGroup> globalGroups, List<ApprovedCa> approvedCas,
        List<ApprovedTsa> approvedTsas, TrustParameters trustParameters) implements MemberDirectory, TrustAnchors {

    public GlobalConfiguration {
        IdentifierRules.code("xRoadInstance", instance);
        memberClasses = List.copyOf(memberClasses);
        members = List.copyOf(members);
        securityServers = List.copyOf(securityServers);
        globalGroups = List.copyOf(globalGroups);
        approvedCas = List.copyOf(approvedCas);
        approvedTsas = List.copyOf(approvedTsas);
        Objects.requireNonNull(trustParameters, "trustParameters");
        ConfigurationRules.check(instance, memberClasses, members, securityServers, globalGroups);
        ConfigurationRules.unique("approved CA name", approvedCas.stream().map(ApprovedCa::name).toList());
        ConfigurationRules.unique("approved TSA name", approvedTsas.stream().map(ApprovedTsa::name).toList());
    }

    @Override
    public Optional<Member> member(MemberId id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public boolean isRegistered(ClientId client) {
        return switch (client) {
            case MemberId id -> member(id).isPresent();
            case SubsystemId id -> member(id.member()).map(m -> m.subsystems().contains(id)).orElse(false);
        };
    }

    @Override
    public Optional<SecurityServer> securityServer(SecurityServerId id) {
        return securityServers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public List<SecurityServer> serversHosting(ClientId client) {
        return securityServers.stream().filter(s -> s.clients().contains(client)).toList();
    }

    @Override
    public boolean isInGroup(ClientId client, GlobalGroupId group) {
        return globalGroups.stream().anyMatch(g -> g.id().equals(group) && g.members().contains(client));
    }
}
