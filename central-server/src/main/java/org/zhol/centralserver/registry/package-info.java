// SPDX-License-Identifier: MIT
/**
 * The registry and trust services as domain operations: {@link org.zhol.centralserver.registry.Registry}
 * (member classes, members, subsystems, security servers, global groups) and
 * {@link org.zhol.centralserver.registry.TrustServices} (approved CAs and TSAs, trust parameters).
 * They validate input and delegate to the stores; {@link
 * org.zhol.centralserver.registry.RegistryConfigurationSource} turns the stores into the
 * {@link org.zhol.protocol.globalconf.GlobalConfiguration} that the publisher signs.
 *
 * <p>Fault codes, the same for the admin API and for management requests:
 * <ul>
 *   <li>{@code UnknownMember}: a member or subsystem that is not registered;</li>
 *   <li>{@code NotFound}: an unknown member class, security server, global group, CA or TSA;</li>
 *   <li>{@code InvalidRequest}: a duplicate, or removing something still in use;</li>
 *   <li>{@code BadRequest}: malformed input (identifiers, names, addresses, URLs, parameters);</li>
 *   <li>{@code IncorrectCertificate}: a certificate that cannot be parsed or is not fit for its use.</li>
 * </ul>
 */
package org.zhol.centralserver.registry;
