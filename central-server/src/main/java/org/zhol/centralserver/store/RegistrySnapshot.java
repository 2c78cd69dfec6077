// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.Objects;
import org.zhol.protocol.globalconf.GlobalConfiguration;

/**
 * The registry as one consistent read.
 *
 * @param version       the registry version that {@code configuration} reflects
 * @param configuration the registry and trust services as a configuration
 */
public record RegistrySnapshot(long version, GlobalConfiguration configuration) {

    public RegistrySnapshot {
        Objects.requireNonNull(configuration, "configuration");
    }
}
