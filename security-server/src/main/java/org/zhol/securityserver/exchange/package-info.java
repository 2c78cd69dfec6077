// SPDX-License-Identifier: MIT
/**
 * The message exchange's logic: the client-proxy and server-proxy steps (resolve, authorise, sign, send,
 * verify, reply), the trust decisions about peer servers, and the small interfaces through which it uses
 * the network. No Netty here: transports live in {@code org.zhol.securityserver.net} and implement the
 * interfaces of this package; every exchange runs on one virtual thread and blocks on them.
 */
package org.zhol.securityserver.exchange;
