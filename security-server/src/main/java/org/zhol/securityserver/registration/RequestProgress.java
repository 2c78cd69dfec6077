// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The changing part of a kept management request.
 *
 * @param status       the local status
 * @param centralState the central server's last known state; empty until it answered
 * @param detail       why it failed or was rejected, what confirmed it, or the last error; empty for none
 * @param updatedAt    when any of these last changed
 */
public record RequestProgress(RequestStatus status, Optional<CentralState> centralState, Optional<String> detail,
        Instant updatedAt) {

    /** Limit: the longest detail kept. */
    public static final int MAX_DETAIL = 1024;

    public RequestProgress {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(centralState, "centralState");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(updatedAt, "updatedAt");
        detail = detail.map(d -> d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL - 3) + "..." : d);
    }
}
