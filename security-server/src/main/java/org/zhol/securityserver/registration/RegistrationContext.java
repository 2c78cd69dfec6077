// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.time.Clock;
import java.util.Objects;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.store.RegistrationRequestRepository;

/**
 * What the registration flows share.
 *
 * @param server        this security server
 * @param configuration the verified global configuration held
 * @param clients       the local service registry, whose clients' registration status the flows set
 * @param requests      where the requests are kept
 * @param clock         the time of requests, signatures and status changes
 */
public record RegistrationContext(SecurityServerId server, CurrentConfiguration configuration,
        ServiceRegistry clients, RegistrationRequestRepository requests, Clock clock) {

    public RegistrationContext {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(clock, "clock");
    }
}
