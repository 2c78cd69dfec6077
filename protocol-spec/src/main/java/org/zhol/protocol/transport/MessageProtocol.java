// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

/** The information-system protocol that a message carries; the {@code protocol} field of a head. */
public enum MessageProtocol {
    /** X-Road REST r1 ({@code rest.md}). */
    REST,
    /** X-Road SOAP 4.0 ({@code soap.md}); the body is the whole IS HTTP body (envelope or MIME multipart). */
    SOAP
}
