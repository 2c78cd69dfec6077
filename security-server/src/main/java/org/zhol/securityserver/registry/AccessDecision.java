// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.RestMethod;

/**
 * Whether a caller may call a service: a pure function of the request and the rights, as the server
 * proxy asks it after verifying the signature (ARCHITECTURE §3 step 5). Deny unless a right allows.
 *
 * <p>A right allows a request when all of these hold (X-Road's rules):
 * <ol>
 *   <li>it is for the service's provider and service code; the version is ignored;</li>
 *   <li>its subject is the caller itself ({@code equals}: a right granted to member {@code M} covers a
 *       caller that is {@code M}, not {@code M}'s subsystems, and a right granted to a subsystem covers
 *       only that subsystem), or a global group that the directory says the caller is in
 *       ({@link MemberDirectory#isInGroup}, which also compares exactly);</li>
 *   <li>its endpoint covers the request ({@link Endpoint#covers}): {@code * **} covers everything,
 *       SOAP included; any other endpoint needs a REST method and a path that match.</li>
 * </ol>
 *
 * <p><b>Pitfalls:</b> the path must be the percent-decoded service path without the query. A path
 * that does not start with {@code /}, or has a {@code .} or {@code ..} segment, is denied outright: a
 * provider that resolves dot segments would otherwise serve {@code /public/../private} under a right on
 * {@code /public/**}.
 */
public final class AccessDecision {

    private AccessDecision() {
    }

    /**
     * Returns if {@code caller} may call {@code service} with this method and path, else throws.
     *
     * @param caller  the verified client
     * @param service the requested service
     * @param method  the REST method; empty for SOAP
     * @param path    the decoded REST service path; empty for SOAP
     * @param rights  the rights to consider; rights for other services are ignored
     * @param groups  the global groups
     * @throws ZholException {@code AccessDenied} with {@code Origin.CLIENT} when no right allows it
     */
    public static void check(ClientId caller, ServiceId service, Optional<RestMethod> method,
            Optional<String> path, Collection<AccessRight> rights, MemberDirectory groups) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(groups, "groups");
        if (path.isPresent() && !isPlainPath(path.get())) {
            throw denied(service, "the path is not a plain absolute path");
        }
        for (AccessRight right : rights) {
            if (right.isFor(service) && right.endpoint().covers(method, path)
                    && right.grantsTo(caller, groups)) {
                return;
            }
        }
        throw denied(service, null);
    }

    private static boolean isPlainPath(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static ZholException denied(ServiceId service, String why) {
        // X-Road's wording, so that operators recognise it.
        return ZholException.client(ErrorCode.ACCESS_DENIED,
                "Request is not allowed: " + service + (why == null ? "" : " (" + why + ")"));
    }
}
