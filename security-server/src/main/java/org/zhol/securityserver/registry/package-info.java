// SPDX-License-Identifier: MIT
/**
 * The local service registry: hosted subsystems ({@link org.zhol.securityserver.registry.LocalClient}),
 * their REST and SOAP services ({@link org.zhol.securityserver.registry.LocalService}) and access rights
 * ({@link org.zhol.securityserver.registry.AccessRight}) with X-Road's endpoint patterns
 * ({@link org.zhol.securityserver.registry.PathPattern}). {@link org.zhol.securityserver.registry.AccessDecision}
 * is the pure function the exchange enforces; {@link org.zhol.securityserver.registry.ServiceRegistry}
 * validates changes and wraps lookup, decision and the enabled check in one call.
 */
package org.zhol.securityserver.registry;
