// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.cert.X509Certificate;
import org.zhol.protocol.id.MemberId;

/**
 * How one CA names members in its signing certificates. Each approved CA names its profile by id
 * ({@code ApprovedCa.certificateProfile()}); {@link CertificateProfiles} resolves the id.
 *
 * <p><b>Pitfalls:</b> a profile only reads the subject. It trusts the certificate, so call it only on
 * a certificate whose chain has been validated ({@link CertChainValidator}).
 */
@FunctionalInterface
public interface CertificateProfile {

    /**
     * The member that {@code signingCertificate} belongs to.
     *
     * @param instance the X-Road instance to assume when the certificate does not name one
     * @throws org.zhol.protocol.error.ZholException
     *         {@link org.zhol.protocol.error.ErrorCode#CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE} when the
     *         subject does not name a member in the form this profile expects
     */
    MemberId memberId(X509Certificate signingCertificate, String instance);
}
