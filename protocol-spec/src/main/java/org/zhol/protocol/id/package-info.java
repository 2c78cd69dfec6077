// SPDX-License-Identifier: MIT
/**
 * X-Road identifiers as immutable records: {@link org.zhol.protocol.id.MemberId},
 * {@link org.zhol.protocol.id.SubsystemId} (both {@link org.zhol.protocol.id.ClientId}),
 * {@link org.zhol.protocol.id.ServiceId}, {@link org.zhol.protocol.id.SecurityServerId} and
 * {@link org.zhol.protocol.id.GlobalGroupId}.
 *
 * <p>Every code is validated when a record is built (see {@link org.zhol.protocol.id.IdentifierRules}),
 * so a record that exists is well formed. The path form ({@code INSTANCE/CLASS/CODE/...}) is what
 * REST r1 uses; the XML form (namespace {@code http://x-road.eu/xsd/identifiers}) is in
 * {@code org.zhol.protocol.soap}. Specified in {@code protocol-spec/docs/identifiers.md}.
 */
package org.zhol.protocol.id;
