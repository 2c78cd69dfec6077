// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

/** Where a configuration signing key is in its life: FUTURE, then ACTIVE, then RETIRED. */
public enum SigningKeyState {
    /** Published in every generation's anchor part, not yet used to sign. */
    FUTURE,
    /** Signs every generation; exactly one key is active. */
    ACTIVE,
    /** No longer signs; published until its grace period ends, then only kept on disk. */
    RETIRED
}
