// SPDX-License-Identifier: MIT
/**
 * The security server's HTTPS client of the central server's registration listener: it posts signed
 * management requests and reads their state, trusting exactly the listener's pinned certificate.
 */
package org.zhol.securityserver.central;
