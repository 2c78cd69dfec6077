// SPDX-License-Identifier: MIT
/**
 * The security server's storage: small repository interfaces and their SQL implementations over the
 * Flyway migrations in {@code db/security} (plus the shared {@code db/support}). The same SQL runs on
 * H2 and PostgreSQL. This is the only package of the security server that imports {@code java.sql}.
 */
package org.zhol.securityserver.store;
