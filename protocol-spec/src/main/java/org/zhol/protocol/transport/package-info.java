// SPDX-License-Identifier: MIT
/**
 * The wire format between two security servers: frames, the heads of requests and responses, the
 * trailer that carries the signature, and faults. Normative: {@code docs/transport.md}.
 */
package org.zhol.protocol.transport;
