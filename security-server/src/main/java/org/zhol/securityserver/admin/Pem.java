// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * PEM in the admin API (RFC 7468): CSRs go out as {@code CERTIFICATE REQUEST} blocks; certificates come
 * in as a {@code CERTIFICATE} block or as base64 DER.
 */
final class Pem {

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** {@code der} as a PEM block of {@code label}, ending in a line break. */
    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + ENCODER.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER in {@code text}: the first PEM block if there is one, else the whole text as base64.
     *
     * @throws ZholException {@code BadRequest} when it is neither
     */
    static byte[] decode(String text) {
        String body = text;
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int start = text.indexOf("-----", begin + 11);
            int end = text.indexOf("-----END ", begin);
            if (start < 0 || end < start) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The PEM block is not complete");
            }
            body = text.substring(start + 5, end);
        }
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The certificate is neither PEM nor base64 DER");
        }
    }
}
