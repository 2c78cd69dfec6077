// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.Arrays;
import java.util.Objects;

/**
 * The HELLO frame's content ({@code transport.md} §HELLO): sent once by each side right after the TLS
 * handshake, it carries the protocol version and a fresh OCSP response for the sender's authentication
 * certificate (application-level stapling). Encoded by {@link HelloCodec}.
 *
 * @param version      the transport protocol version, {@link #VERSION}
 * @param ocspResponse the DER {@code OCSPResponse} about the sender's auth certificate (not copied; treat
 *                     as read-only)
 */
public record Hello(int version, byte[] ocspResponse) {

    /** The one version this code speaks. */
    public static final int VERSION = 1;

    public Hello {
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
        Objects.requireNonNull(ocspResponse, "ocspResponse");
        if (ocspResponse.length == 0) {
            throw new IllegalArgumentException("an OCSP response is not empty");
        }
    }

    /** A HELLO of the current version. */
    public static Hello of(byte[] ocspResponse) {
        return new Hello(VERSION, ocspResponse);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hello that && version == that.version && Arrays.equals(ocspResponse, that.ocspResponse);
    }

    @Override
    public int hashCode() {
        return 31 * version + Arrays.hashCode(ocspResponse);
    }

    @Override
    public String toString() {
        return "Hello[version=" + version + ", ocsp " + ocspResponse.length + " bytes]";
    }
}
