// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import java.util.List;
import java.util.Optional;

/** Where token hashes live. */
public interface ApiTokenStore {

    /** Stores a new token; the name must be unique. */
    ApiToken insert(String name, ApiRole role, String tokenHash);

    /** The token whose hash is {@code tokenHash}, revoked or not. */
    Optional<ApiToken> findByHash(String tokenHash);

    /** All tokens, without secrets. */
    List<ApiToken> list();

    /** Marks a token revoked; returns whether it existed. */
    boolean revoke(String name);
}
