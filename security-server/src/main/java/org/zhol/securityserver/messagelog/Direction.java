// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

/** Which message of an exchange a log record holds. */
public enum Direction {
    /** The consumer's request. */
    REQUEST,
    /** The provider's response. */
    RESPONSE
}
