// SPDX-License-Identifier: MIT
/**
 * X-Road's metaservices, answered by the security server itself instead of an information system
 * (protocol-spec {@code docs/metaservices.md}): {@code listClients} on the client proxy, and
 * {@code listMethods}, {@code allowedMethods}, {@code getOpenAPI} (REST) and {@code getWsdl} (SOAP) on
 * the provider's side.
 *
 * <p>Two entry points for the exchange: {@link org.zhol.securityserver.metaservice.Metaservices}
 * recognises a metaservice call (consumer side, before routing), and
 * {@link org.zhol.securityserver.metaservice.MetaserviceProvider} answers one for a hosted provider
 * subsystem, given the verified caller. {@link org.zhol.securityserver.metaservice.ListClients} answers
 * {@code listClients} from the global configuration. Logic only: no Netty, no SQL; the service
 * descriptions are fetched over HTTP by {@link org.zhol.securityserver.metaservice.DescriptionClient}.
 */
package org.zhol.securityserver.metaservice;
