// SPDX-License-Identifier: MIT
/**
 * Admin-API tokens, shared by both servers: issued once (the secret is shown only then), stored as a
 * SHA-256 hash, with the roles {@code ADMIN} and {@code READ_ONLY}, and checked on every request by
 * {@link org.zhol.server.admin.TokenAuthenticator}.
 */
package org.zhol.server.admin;
