// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.zhol.centralserver.store.GroupStore;
import org.zhol.centralserver.store.MemberClassStore;
import org.zhol.centralserver.store.MemberStore;
import org.zhol.centralserver.store.ServerStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalGroup;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;

/**
 * The member registry of one instance: member classes, members and subsystems, security servers and
 * global groups. Each operation validates its input, runs in one transaction and, if it changes
 * anything, increments the registry version with it. The fault codes are listed in the
 * {@linkplain org.zhol.centralserver.registry package documentation}.
 *
 * <p>The security-server operations ({@link #registerAuthCert}, {@link #addClient},
 * {@link #removeClient}, {@link #setAddress}, {@link #setMaintenance}) are what approved management
 * requests apply; the admin API offers them too.
 */
public final class Registry {

    private final String instance;
    private final MemberClassStore classes;
    private final MemberStore members;
    private final ServerStore servers;
    private final GroupStore groups;

    public Registry(String instance, MemberClassStore classes, MemberStore members, ServerStore servers,
            GroupStore groups) {
        this.instance = instance;
        this.classes = classes;
        this.members = members;
        this.servers = servers;
        this.groups = groups;
    }

    /** The instance code, e.g. {@code DEV}. */
    public String instance() {
        return instance;
    }

    // --- member classes

    public List<MemberClass> memberClasses() {
        return classes.list();
    }

    /** Adds a member class; an existing code is {@code InvalidRequest}. */
    public void addMemberClass(String code, String description) {
        classes.add(new MemberClass(code, RegistryRules.description(description)));
    }

    /** Removes a member class that no member uses. */
    public void removeMemberClass(String code) {
        classes.remove(code);
    }

    // --- members and subsystems

    public List<Member> members() {
        return members.list();
    }

    /** One member with its subsystems; {@code UnknownMember} if not registered. */
    public Member member(MemberId id) {
        return members.find(id).orElseThrow(() -> ZholException.client(ErrorCode.UNKNOWN_MEMBER,
                id.toPath() + " is not a registered member"));
    }

    /** Registers a member of this instance under an existing class. */
    public void addMember(MemberId id, String name) {
        RegistryRules.ownInstance(instance, id);
        members.add(id, RegistryRules.text("name", name));
    }

    /** Changes a member's registered name. */
    public void renameMember(MemberId id, String name) {
        members.rename(id, RegistryRules.text("name", name));
    }

    /** Removes a member with its subsystems; refused while it owns security servers. */
    public void removeMember(MemberId id) {
        members.remove(id);
    }

    /** Adds a subsystem to a registered member. */
    public void addSubsystem(SubsystemId id) {
        RegistryRules.ownInstance(instance, id);
        members.addSubsystem(id);
    }

    /** Removes a subsystem and its registrations as a client of security servers. */
    public void removeSubsystem(SubsystemId id) {
        members.removeSubsystem(id);
    }

    // --- security servers

    public List<SecurityServer> securityServers() {
        return servers.list();
    }

    /** One security server; {@code NotFound} if not registered. */
    public SecurityServer securityServer(SecurityServerId id) {
        return servers.list().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND,
                        "Security server " + id.toPath() + " does not exist"));
    }

    /**
     * Registers a security server's authentication certificate, as an approved auth-cert registration
     * request does. A new server is created with {@code address}; an existing one keeps its address and
     * gains the certificate.
     *
     * @param server          the server; its owner must be a registered member ({@code UnknownMember})
     * @param address         the host name or IP address other servers connect to ({@code BadRequest})
     * @param authCertificate the end-entity authentication certificate ({@code IncorrectCertificate}
     *                        for a CA certificate); the configuration lists its SHA-256
     * @return true when the server was created by this call
     * @throws ZholException {@code InvalidRequest} when the certificate is registered already
     */
    public boolean registerAuthCert(SecurityServerId server, String address, X509Certificate authCertificate) {
        RegistryRules.ownInstance(instance, server);
        String checkedAddress = RegistryRules.address(address);
        if (authCertificate.getBasicConstraints() >= 0) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                    "An authentication certificate must not be a CA certificate");
        }
        try {
            byte[] der = authCertificate.getEncoded();
            return servers.registerAuthCert(server, checkedAddress, CertificateHash.of(der), der);
        } catch (CertificateEncodingException e) {
            throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "The certificate cannot be encoded");
        }
    }

    /** Unregisters an authentication certificate, as an approved auth-cert deletion request does. */
    public void removeAuthCert(SecurityServerId server, CertificateHash hash) {
        servers.removeAuthCert(server, hash);
    }

    /**
     * Registers a member or subsystem as a client of a security server, as an approved client
     * registration request does.
     *
     * @throws ZholException {@code NotFound} for an unknown server, {@code UnknownMember} for an
     *                       unregistered client, {@code InvalidRequest} when it is a client there already
     */
    public void addClient(SecurityServerId server, ClientId client) {
        servers.addClient(server, client);
    }

    /**
     * Unregisters a client of a security server, as an approved client deletion request does.
     *
     * @throws ZholException {@code NotFound} for an unknown server or a client not registered there
     */
    public void removeClient(SecurityServerId server, ClientId client) {
        servers.removeClient(server, client);
    }

    /**
     * Changes the address of a security server, as an approved address change request does.
     *
     * @throws ZholException {@code NotFound} for an unknown server, {@code BadRequest} for a bad address
     */
    public void setAddress(SecurityServerId server, String address) {
        servers.setAddress(server, RegistryRules.address(address));
    }

    /**
     * Puts a security server into or out of maintenance mode, as a maintenance request does.
     *
     * @throws ZholException {@code NotFound} for an unknown server
     */
    public void setMaintenance(SecurityServerId server, boolean maintenance) {
        servers.setMaintenance(server, maintenance);
    }

    // --- global groups

    public List<GlobalGroup> globalGroups() {
        return groups.list();
    }

    /** One global group; {@code NotFound} if it does not exist. */
    public GlobalGroup globalGroup(GlobalGroupId id) {
        return groups.list().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> ZholException.client(ErrorCode.NOT_FOUND,
                        "Global group " + id.toPath() + " does not exist"));
    }

    /** Creates an empty global group of this instance. */
    public void addGlobalGroup(GlobalGroupId id, String description) {
        RegistryRules.ownInstance(instance, id);
        groups.add(id, RegistryRules.description(description));
    }

    public void removeGlobalGroup(GlobalGroupId id) {
        groups.remove(id);
    }

    /**
     * Adds a member or subsystem to a group. Members of this instance must be registered
     * ({@code UnknownMember}); those of other instances are taken as given (federation).
     */
    public void addGroupMember(GlobalGroupId group, ClientId member) {
        if (member.instance().equals(instance)) {
            Member registered = member(member.member());
            if (member instanceof SubsystemId subsystem && !registered.subsystems().contains(subsystem)) {
                throw ZholException.client(ErrorCode.UNKNOWN_MEMBER, member.toPath() + " is not a registered subsystem");
            }
        }
        groups.addMember(group, member);
    }

    public void removeGroupMember(GlobalGroupId group, ClientId member) {
        groups.removeMember(group, member);
    }
}
