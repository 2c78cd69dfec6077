// SPDX-License-Identifier: MIT
/**
 * Storage plumbing shared by both servers: a pooled {@link javax.sql.DataSource} on H2 (the default,
 * a file database) or PostgreSQL (chosen by JDBC URL), migrated by Flyway from a server's own
 * {@code db/...} folder. Only {@code store} packages import {@code java.sql}.
 */
package org.zhol.server.store;
