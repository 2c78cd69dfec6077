// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

/** How much of a message the log keeps. */
public enum LogMode {
    /** Everything: metadata, head, body, manifest, signature, peer checkpoint. */
    FULL,
    /** All but the body: its length and SHA-256 digest are kept, the bytes dropped. */
    METADATA_ONLY
}
