// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.id.MemberId;

/**
 * The certificate profiles a server knows, by id. Build one in the composition root, e.g.
 * {@link #standard()}, or {@code standard().with("ee", myProfile)}; there is no global registry.
 *
 * <p><b>Pitfalls:</b> an {@link ApprovedCa} naming a profile that is not registered here makes every
 * certificate of that CA unmappable ({@link ErrorCode#CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE}); the
 * configuration loader should check the ids early.
 */
public record CertificateProfiles(Map<String, CertificateProfile> byId) {

    public CertificateProfiles {
        byId = Map.copyOf(byId);
    }

    /** The built-in profiles: {@value DefaultCertificateProfile#ID}. */
    public static CertificateProfiles standard() {
        return new CertificateProfiles(Map.of(DefaultCertificateProfile.ID, new DefaultCertificateProfile()));
    }

    /** These profiles plus {@code profile} under {@code id}, replacing one of the same id. */
    public CertificateProfiles with(String id, CertificateProfile profile) {
        Map<String, CertificateProfile> all = new HashMap<>(byId);
        all.put(id, profile);
        return new CertificateProfiles(all);
    }

    /**
     * The profile registered under {@code id}.
     *
     * @throws ZholException {@link ErrorCode#CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE} for an unknown id
     */
    public CertificateProfile profile(String id) {
        CertificateProfile profile = byId.get(id);
        if (profile == null) {
            throw ZholException.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE, Origin.THIS_SERVER,
                    "Unknown certificate profile '" + Faults.excerpt(id) + "'");
        }
        return profile;
    }

    /** The member that the leaf of a validated chain belongs to, by its CA's profile. */
    public MemberId memberId(ValidatedChain chain, String instance) {
        return memberId(chain.leaf(), chain.ca(), instance);
    }

    /** The member that {@code signingCertificate}, issued under {@code ca}, belongs to. */
    public MemberId memberId(X509Certificate signingCertificate, ApprovedCa ca, String instance) {
        return profile(ca.certificateProfile()).memberId(signingCertificate, instance);
    }

    /**
     * Checks that the leaf of {@code chain} belongs to {@code expected} (in {@code expected}'s instance).
     *
     * @throws ZholException {@link ErrorCode#INCORRECT_CERTIFICATE} when it names another member,
     *                       {@link ErrorCode#CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE} when it names none
     */
    public void verifyMember(ValidatedChain chain, MemberId expected) {
        MemberId actual = memberId(chain, expected.instance());
        if (!actual.equals(expected)) {
            throw ZholException.of(ErrorCode.INCORRECT_CERTIFICATE, Origin.CLIENT,
                    "The certificate belongs to " + actual + ", not to " + expected);
        }
    }
}
