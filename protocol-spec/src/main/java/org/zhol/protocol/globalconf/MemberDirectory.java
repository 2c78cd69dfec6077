// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Who is registered in the instance, and where they are hosted: the questions an exchange asks the
 * global configuration. {@link GlobalConfiguration} answers them.
 */
public interface MemberDirectory {

    /** The instance, e.g. {@code DEV}. */
    String instance();

    /** A registered member. */
    Optional<Member> member(MemberId id);

    /** Whether {@code client} is a registered member, or a registered subsystem of one. */
    boolean isRegistered(ClientId client);

    /** A registered security server. */
    Optional<SecurityServer> securityServer(SecurityServerId id);

    /** The security servers that host {@code client}, in configuration order. */
    List<SecurityServer> serversHosting(ClientId client);

    /** Whether {@code client} is in global group {@code group}. */
    boolean isInGroup(ClientId client, GlobalGroupId group);
}
