// SPDX-License-Identifier: MIT
/**
 * The security server's network transports, in Netty: the server proxy listener for other security
 * servers (port 5500, mutual TLS 1.3, frames), the peer client that connects to them (pooled, with
 * failover), and the IS-facing HTTP(S) listener of the client proxy (8080/8443, streaming). Each listener's
 * whole pipeline is in one {@code …Initializer}; handlers only move bytes. Every exchange runs on a
 * virtual thread behind the blocking interfaces of {@code org.zhol.securityserver.exchange}, with
 * back-pressure both ways: a full receive queue stops reading ({@code autoRead}), a full outbound buffer
 * blocks the writer.
 */
package org.zhol.securityserver.net;
