// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import org.zhol.protocol.globalconf.GlobalConfiguration;

/**
 * What the configuration publisher reads from the registry: the whole configuration as it stands now,
 * and a number that grows whenever anything in it changes, so that the publisher can tell whether a new
 * generation is needed.
 */
public interface ConfigurationSource {

    /** The registry and trust services as one immutable configuration. */
    GlobalConfiguration current();

    /** Grows by at least one with every committed change to what {@link #current()} returns. */
    long version();
}
