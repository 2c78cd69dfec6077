// SPDX-License-Identifier: MIT
/**
 * The registry's storage: small repository interfaces ({@link org.zhol.centralserver.store.MemberStore},
 * {@link org.zhol.centralserver.store.ServerStore}, {@link org.zhol.centralserver.store.GroupStore},
 * {@link org.zhol.centralserver.store.TrustServiceStore}, ...) with SQL implementations on the
 * migrations in {@code db/central}. Every change also increments the registry version in the same
 * transaction, which is what {@code ConfigurationSource.version()} reads. This is the only package of
 * the central server that imports {@code java.sql}.
 *
 * <p>Stores report missing references and duplicates with the registry's codes: {@code UnknownMember}
 * for a member or subsystem, {@code NotFound} for anything else, {@code InvalidRequest} for a duplicate
 * or for a row still in use.
 */
package org.zhol.centralserver.store;
