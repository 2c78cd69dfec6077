// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import java.util.Objects;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.messagelog.Side;
import org.zhol.securityserver.messagelog.TimestampingStatus;

/**
 * "Time-stamping keeps up": fails exactly when new exchanges would fail with
 * {@code LoggingFailed.TimestamperFailed}, that is when the oldest unstamped record of the message log
 * is older than the acceptable failure period; the reason says since when.
 */
public final class TimestampingHealthCheck implements HealthCheck {

    /** The check's name. */
    public static final String NAME = "timestamping";

    private final TimestampingStatus status;

    public TimestampingHealthCheck(TimestampingStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthStatus check() {
        try {
            status.check(Side.CLIENT_PROXY);
            return HealthStatus.passing();
        } catch (ZholException e) {
            return HealthStatus.failing(e.detail());
        }
    }
}
