// SPDX-License-Identifier: MIT
/**
 * A small HTTP server for small requests (admin APIs, management requests, configuration download):
 * Netty does the I/O, a {@link org.zhol.server.http.Router} maps method and path to a handler, and
 * handlers run on virtual threads, never on the event loop. Bodies are aggregated up to a limit, so
 * this server is not for message traffic, which streams.
 */
package org.zhol.server.http;
