// SPDX-License-Identifier: MIT
/**
 * Management requests from security servers: receipt over HTTPS on the registration listener,
 * verification ({@link org.zhol.protocol.management.ManagementRequestVerifier}), the registry's
 * preconditions, durable storage, the states {@code PENDING}, {@code APPROVED}, {@code REJECTED} and
 * {@code REVOKED}, approval by an administrator or by policy, and applying approved requests to the
 * registry. Specified in {@code central-server/docs/management.md}. No SQL here: storage is
 * {@link org.zhol.centralserver.store.ManagementRequestStore}.
 */
package org.zhol.centralserver.management;
