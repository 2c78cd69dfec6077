// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

/**
 * A token just issued, with its secret: the only moment the secret exists outside its holder.
 * {@link #toString()} hides the secret so that it cannot reach a log by accident.
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=***]";
    }
}
