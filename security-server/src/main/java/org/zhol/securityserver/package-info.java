// SPDX-License-Identifier: MIT
/**
 * The security-server of Zhol. See ARCHITECTURE.md for its parts; they arrive issue by issue.
 * {@link org.zhol.securityserver.SecurityServer} is the composition root and
 * {@link org.zhol.securityserver.SecurityServerMain} the command line.
 */
package org.zhol.securityserver;
