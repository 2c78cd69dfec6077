// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;

/**
 * Permission for a subject to call one service code of a local client, on one endpoint. Rights ignore
 * the service version (PR-MESS §3.1): a right on {@code getPerson} covers {@code getPerson/v1} and
 * {@code getPerson/v2}.
 *
 * @param provider    the local client that provides the service
 * @param serviceCode the service code, without version
 * @param subject     who may call: a {@link MemberId}, a {@link SubsystemId} or a {@link GlobalGroupId}
 * @param endpoint    what part of the service; {@link Endpoint#ANY} for all of it
 */
public record AccessRight(SubsystemId provider, String serviceCode, XRoadId subject, Endpoint endpoint) {

    public AccessRight {
        Objects.requireNonNull(provider, "provider");
        IdentifierRules.code("serviceCode", serviceCode);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!(subject instanceof MemberId || subject instanceof SubsystemId || subject instanceof GlobalGroupId)) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "An access right is granted to a member, a subsystem or a global group, not " + subject);
        }
    }

    /** A right on the whole service. */
    public static AccessRight wholeService(ServiceId service, XRoadId subject) {
        return new AccessRight(service.provider(), service.serviceCode(), subject, Endpoint.ANY);
    }

    /** Whether this right is about {@code service}, whatever its version. */
    public boolean isFor(ServiceId service) {
        return provider.equals(service.provider()) && serviceCode.equals(service.serviceCode());
    }

    /**
     * Whether this right is granted to {@code caller}: its subject is the caller itself (exactly: a right
     * granted to a member does not cover its subsystems), or a global group that {@code groups} says the
     * caller is in.
     */
    public boolean grantsTo(ClientId caller, MemberDirectory groups) {
        return switch (subject) {
            case MemberId m -> m.equals(caller);
            case SubsystemId s -> s.equals(caller);
            case GlobalGroupId g -> groups.isInGroup(caller, g);
            default -> false;
        };
    }

    /**
     * Parses a subject from its path form: two parts are a global group ({@code DEV/GROUP}), three a
     * member, four a subsystem.
     *
     * @throws ZholException {@code BadRequest} when malformed
     */
    public static XRoadId parseSubject(String path) {
        if (path == null) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The access right subject is missing");
        }
        return switch (path.split("/", -1).length) {
            case 2 -> GlobalGroupId.parse(path);
            case 3 -> MemberId.parse(path);
            case 4 -> SubsystemId.parse(path);
            default -> throw ZholException.client(ErrorCode.BAD_REQUEST, "The access right subject must be"
                    + " INSTANCE/GROUP, INSTANCE/CLASS/CODE or INSTANCE/CLASS/CODE/SUBSYSTEM");
        };
    }
}
