// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.util.Optional;
import org.zhol.protocol.globalconf.TrustParameters;

/** The instance this database belongs to, its trust parameters and the registry version. */
public interface InstanceStore {

    /**
     * Records the instance once, with its initial trust parameters.
     *
     * @return false, changing nothing, when the database already belongs to an instance
     */
    boolean initialise(String instance, TrustParameters parameters);

    /** The instance code, or empty before {@link #initialise}. */
    Optional<String> instance();

    /** The current trust parameters. */
    TrustParameters trustParameters();

    /** Replaces the trust parameters. */
    void setTrustParameters(TrustParameters parameters);

    /** The registry version: grows by one with every committed change to the configuration. */
    long version();
}
