// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * What a member or server certificate is for, and the key usages that role requires.
 *
 * <ul>
 *   <li>{@link #AUTHENTICATION}: the TLS certificate of a security server. It must have the
 *       {@code digitalSignature} key usage and the {@code id-kp-clientAuth} extended key usage.</li>
 *   <li>{@link #SIGNING}: the certificate of a member's message-signing key. It must have the
 *       {@code nonRepudiation} (contentCommitment) key usage.</li>
 * </ul>
 *
 * <p><b>Pitfalls:</b> a certificate without a key-usage extension is rejected for both roles, although
 * RFC 5280 would allow any use: X-Road requires the extension, and so do we. Other usages present
 * besides the required ones are allowed.
 */
public enum CertificateRole {
    AUTHENTICATION,
    SIGNING;

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final String ID_KP_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /**
     * Checks that {@code certificate} may be used in this role.
     *
     * @throws ZholException {@link ErrorCode#WRONG_CERT_USAGE} when a required usage is missing,
     *                       {@link ErrorCode#INCORRECT_CERTIFICATE} when the extensions cannot be read
     */
    public void check(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        switch (this) {
            case AUTHENTICATION -> {
                require(keyUsage != null && keyUsage[DIGITAL_SIGNATURE], "digitalSignature key usage");
                require(extendedUsages(certificate).contains(ID_KP_CLIENT_AUTH), "clientAuth extended key usage");
            }
            case SIGNING -> require(keyUsage != null && keyUsage[NON_REPUDIATION], "nonRepudiation key usage");
            default -> throw new IllegalStateException(name());
        }
    }

    private void require(boolean present, String usage) {
        if (!present) {
            throw ZholException.of(ErrorCode.WRONG_CERT_USAGE, Origin.CLIENT,
                    "A certificate for " + name().toLowerCase(Locale.ROOT) + " must have the " + usage);
        }
    }

    private static List<String> extendedUsages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE),
                    Origin.CLIENT, "The extended key usage extension cannot be parsed", e);
        }
    }
}
