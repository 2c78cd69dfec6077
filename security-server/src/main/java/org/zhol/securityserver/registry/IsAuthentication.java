// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

/**
 * How the information systems of a local client authenticate to the client proxy, as X-Road's
 * {@code NOSSL}, {@code SSLNOAUTH} and {@code SSLAUTH}.
 */
public enum IsAuthentication {
    /** Plain HTTP or HTTPS, no certificate: the default. */
    NONE,
    /** HTTPS required; no client certificate needed. */
    TLS,
    /** HTTPS with a TLS client certificate whose SHA-256 is on the client's whitelist. */
    MTLS
}
