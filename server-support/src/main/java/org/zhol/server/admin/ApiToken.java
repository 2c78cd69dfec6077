// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import java.time.Instant;
import java.util.Objects;

/** A stored token: its name and role, never its secret. */
public record ApiToken(long id, String name, ApiRole role, Instant createdAt, boolean revoked) {

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
