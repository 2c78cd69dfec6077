// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the log's time-stamping keeps up: what the exchange asks before every new exchange.
 *
 * <p><b>Pitfalls:</b> traffic goes on while stamping fails, until the oldest unstamped record is older
 * than the acceptable failure period; only then does {@link #check} refuse, and it passes again as soon
 * as a TSA has stamped the backlog.
 */
public interface TimestampingStatus {

    /**
     * Passes unless the oldest unstamped record is older than the acceptable failure period.
     *
     * @throws org.zhol.protocol.error.ZholException
     *         {@code Server.ClientProxy.LoggingFailed.TimestamperFailed} (or {@code Server.ServerProxy…}
     *         for {@link Side#SERVER_PROXY}) otherwise
     */
    void check(Side side);

    /** When the oldest record that no time-stamp covers yet was logged; empty when all are stamped. */
    Optional<Instant> oldestUnstamped();
}
