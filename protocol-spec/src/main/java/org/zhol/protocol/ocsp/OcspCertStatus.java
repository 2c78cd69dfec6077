// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

/** The certificate status that an OCSP response states (RFC 6960 §2.2). */
public enum OcspCertStatus {
    GOOD,
    REVOKED,
    UNKNOWN
}
