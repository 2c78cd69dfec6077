// SPDX-License-Identifier: MIT
/**
 * The central server's configuration signing keys: one ACTIVE key that signs, an optional FUTURE key
 * that is published before it is used, and RETIRED keys that stay published for a grace period.
 * Kept as PKCS#12 files and a JSON state file in the data directory
 * ({@link org.zhol.centralserver.trust.keys.ConfigurationSigningKeys}). See
 * {@code central-server/docs/publishing.md}.
 */
package org.zhol.centralserver.trust.keys;
