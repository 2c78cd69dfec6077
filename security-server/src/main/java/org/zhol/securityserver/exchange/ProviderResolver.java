// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;

/**
 * Where a service can be reached: the security servers that host its provider subsystem in the global
 * configuration, in configuration order, without those in maintenance mode. This order is the failover
 * order of {@link PeerConnector#connect}. A client that names a server ({@code X-Road-Security-Server},
 * SOAP {@code securityServer}) gets only that one.
 */
public final class ProviderResolver {

    private ProviderResolver() {
    }

    /**
     * The servers to try, in order.
     *
     * @param directory the configuration of this exchange
     * @param service   the service called
     * @param target    the server the client asked for, if any
     * @throws ZholException {@code UnknownMember} when the provider is not registered or no server hosts
     *                       it; {@code InvalidSecurityServer} when the named server does not host it;
     *                       {@code MaintenanceMode} when every server hosting it is in maintenance mode
     */
    public static List<SecurityServer> candidates(MemberDirectory directory, ServiceId service,
            Optional<SecurityServerId> target) {
        if (!directory.isRegistered(service.provider())) {
            throw fault(ErrorCode.UNKNOWN_MEMBER, Origin.THIS_SERVER,
                    "The service provider " + service.provider() + " is not registered in the global configuration");
        }
        List<SecurityServer> hosting = directory.serversHosting(service.provider());
        if (target.isPresent()) {
            hosting = hosting.stream().filter(s -> s.id().equals(target.get())).toList();
            if (hosting.isEmpty()) {
                throw fault(ErrorCode.INVALID_SECURITY_SERVER, Origin.THIS_SERVER, "The security server "
                        + target.get() + " does not host " + service.provider());
            }
        }
        if (hosting.isEmpty()) {
            throw fault(ErrorCode.UNKNOWN_MEMBER, Origin.THIS_SERVER,
                    "No security server hosts the service provider " + service.provider());
        }
        List<SecurityServer> available = hosting.stream().filter(s -> !s.maintenance()).toList();
        if (available.isEmpty()) {
            throw fault(ErrorCode.MAINTENANCE_MODE, Origin.PEER_SERVER,
                    "Every security server hosting " + service.provider() + " is in maintenance mode");
        }
        return available;
    }

    private static ZholException fault(ErrorCode code, Origin origin, String detail) {
        return new ZholException(FaultCode.of(code), origin, detail, null);
    }
}
