// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Reads a certificate given as PEM text or as base64 of its DER encoding, the two forms the admin API
 * accepts.
 *
 * <p><b>Limits:</b> at most {@link #MAX_TEXT} characters.
 */
public final class Certificates {

    /** Limit: the longest certificate text accepted. */
    public static final int MAX_TEXT = 64 * 1024;

    private Certificates() {
    }

    /**
     * Parses one X.509 certificate.
     *
     * @param field names the input in the fault detail
     * @throws ZholException {@code IncorrectCertificate} when it is not one certificate
     */
    public static X509Certificate parse(String field, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw incorrect(field);
        }
        String trimmed = text.strip();
        try {
            byte[] bytes = trimmed.startsWith("-----BEGIN")
                    ? trimmed.getBytes(StandardCharsets.US_ASCII) : Base64.getMimeDecoder().decode(trimmed);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw incorrect(field);
        }
    }

    /** The base64 of a certificate's DER encoding. */
    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate can always be encoded", e);
        }
    }

    private static ZholException incorrect(String field) {
        return ZholException.client(ErrorCode.INCORRECT_CERTIFICATE,
                field + " must be one X.509 certificate, as PEM or base64 DER");
    }
}
