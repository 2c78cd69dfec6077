// SPDX-License-Identifier: MIT
/**
 * The wire format between two security servers: frames, the heads of requests and responses, the
 * trailer that carries the signature, and faults. Normative: {@code docs/transport.md}.
 *
 * <ul>
 *   <li>{@link org.zhol.protocol.transport.FrameCodec} and {@link org.zhol.protocol.transport.FrameHeader}
 *       turn {@link org.zhol.protocol.transport.Frame}s into bytes and back; a frame over its
 *       {@link org.zhol.protocol.transport.TransportLimits} limit is refused from its 5-byte header.</li>
 *   <li>{@link org.zhol.protocol.transport.HelloCodec}, {@link org.zhol.protocol.transport.HeadCodec},
 *       {@link org.zhol.protocol.transport.TrailerCodec} and
 *       {@link org.zhol.protocol.transport.TransportFaultCodec} read and write the canonical JSON
 *       payloads.</li>
 *   <li>{@link org.zhol.protocol.transport.MessageWriter} frames an outgoing message and digests it on
 *       the way; {@link org.zhol.protocol.transport.MessageReader} enforces the sequence of an incoming one,
 *       digests it, streams its body out and checks its manifest, ready for
 *       {@code MessageSignatureVerifier}.</li>
 * </ul>
 * Pure functions and single-message state machines: no I/O, no clock, no configuration. The Netty
 * adapters and the exchange logic live in the security server.
 */
package org.zhol.protocol.transport;
