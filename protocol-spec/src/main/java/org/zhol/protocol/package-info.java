// SPDX-License-Identifier: MIT
/**
 * The Zhol protocol: identifiers, wire codecs, faults and (later) the crypto shared by both servers.
 * This module knows no servers: it imports no Netty, no JDBC and no logging framework.
 */
package org.zhol.protocol;
