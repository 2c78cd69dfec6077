// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.util.Objects;
import java.util.Optional;

/**
 * What the central server says about a management request it holds.
 *
 * @param requestId the request id
 * @param state     its state there
 * @param reason    why it was rejected or revoked, if it says
 */
public record CentralAnswer(String requestId, CentralState state, Optional<String> reason) {

    public CentralAnswer {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}
