// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import java.util.Optional;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;

/**
 * Identifiers in admin API paths. A path segment cannot hold {@code /}, so a client is written with
 * {@code :} between its codes, as in X-Road's admin API ({@code DEV:GOV:1001:SUB}), and a service as
 * its code, optionally {@code :} and a version ({@code getPerson:v1}). Codes never contain {@code :}.
 */
final class PathIds {

    private PathIds() {
    }

    /** The client in a path segment. */
    static SubsystemId client(String segment) {
        return SubsystemId.parse(segment.replace(':', '/'));
    }

    /** The service in a path segment, of {@code client}. */
    static ServiceId service(SubsystemId client, String segment) {
        int colon = segment.indexOf(':');
        return colon < 0 ? new ServiceId(client, segment, Optional.empty())
                : new ServiceId(client, segment.substring(0, colon), Optional.of(segment.substring(colon + 1)));
    }

    /** The path segment of a client. */
    static String segment(SubsystemId client) {
        return client.toPath().replace('/', ':');
    }
}
