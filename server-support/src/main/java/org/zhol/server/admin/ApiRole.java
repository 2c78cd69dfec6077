// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

/** What a token may do: read only (GET and HEAD), or everything. */
public enum ApiRole {
    ADMIN,
    READ_ONLY;

    /** Whether this role may call {@code method}. */
    public boolean permits(String method) {
        return this == ADMIN || "GET".equals(method) || "HEAD".equals(method);
    }
}
