// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.server.store.Database;

/**
 * A step of {@code init} that another part of the server contributes, run after the database is
 * migrated and before the first admin token is issued. The signer's software token (created with the
 * PIN) is the first such step; see {@code SecurityServerMain.initSteps}.
 */
@FunctionalInterface
public interface InitStep {

    /**
     * Does this part's one-time set-up.
     *
     * @throws org.zhol.protocol.error.ZholException when it cannot; {@code init} then fails without
     *                                               writing the configuration file
     */
    void run(SecurityServerConfig config, Database db);
}
