// SPDX-License-Identifier: MIT
/**
 * Management requests: the signed requests by which a security server asks the central server to
 * register an authentication certificate, register or delete a client, change its address, or switch
 * maintenance mode.
 *
 * <ul>
 *   <li>The requests are records under the sealed
 *       {@link org.zhol.protocol.management.ManagementRequest}; each says which signatures it needs
 *       ({@link org.zhol.protocol.management.ManagementRequest#requiredSignatures()}).</li>
 *   <li>{@link org.zhol.protocol.management.ManagementRequestCodec} writes a request as canonical JSON
 *       and reads it back strictly; {@link org.zhol.protocol.management.ManagementEnvelopeCodec} does the
 *       same for the envelope that carries the request bytes and their role-tagged CAdES signatures.</li>
 *   <li>{@link org.zhol.protocol.management.ManagementRequestSigner} builds an envelope on the security
 *       server; {@link org.zhol.protocol.management.ManagementRequestVerifier} checks one on the central
 *       server: the signatures over the received bytes first, then the parsed request, then each
 *       signer's trust.</li>
 * </ul>
 * The normative text is {@code protocol-spec/docs/management.md}. This package does no I/O and keeps no
 * state: approval, storage and transport belong to the servers.
 */
package org.zhol.protocol.management;
