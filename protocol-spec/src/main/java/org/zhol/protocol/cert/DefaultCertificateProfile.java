// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * The profile with id {@value #ID}: the subject's {@code serialNumber} attribute carries
 * {@code INSTANCE/CLASS/CODE}; without one (or without a {@code /} in it), {@code O} is the member
 * class and {@code CN} the member code, in the caller's instance.
 *
 * <p><b>Pitfalls:</b> an attribute that appears more than once in the subject is rejected rather than
 * guessed at. A {@code serialNumber} in path form names its own instance, which may differ from the
 * caller's; comparing with the expected member catches that.
 */
public final class DefaultCertificateProfile implements CertificateProfile {

    /** The profile id as it appears in {@code ApprovedCa.certificateProfile()}. */
    public static final String ID = "default";

    @Override
    public MemberId memberId(X509Certificate signingCertificate, String instance) {
        X500Name subject = X500Name.getInstance(signingCertificate.getSubjectX500Principal().getEncoded());
        Optional<String> serialNumber = single(subject, BCStyle.SERIALNUMBER);
        try {
            if (serialNumber.isPresent() && serialNumber.get().contains("/")) {
                return MemberId.parse(serialNumber.get());
            }
            String memberClass = single(subject, BCStyle.O).orElseThrow(() -> unmappable(subject, "no O"));
            String memberCode = single(subject, BCStyle.CN).orElseThrow(() -> unmappable(subject, "no CN"));
            return new MemberId(instance, memberClass, memberCode);
        } catch (ZholException e) {
            if (e.code() == ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE) {
                throw e;
            }
            throw new ZholException(FaultCode.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE), Origin.CLIENT,
                    "Subject '" + Faults.excerpt(subject.toString()) + "' does not name a member: " + e.detail(), e);
        }
    }

    private static Optional<String> single(X500Name subject, ASN1ObjectIdentifier type) {
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length > 1) {
            throw unmappable(subject, "more than one " + BCStyle.INSTANCE.oidToDisplayName(type));
        }
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        if (rdns[0].isMultiValued() || !(value instanceof ASN1String text)) {
            throw unmappable(subject, "an unexpected " + BCStyle.INSTANCE.oidToDisplayName(type) + " value");
        }
        return Optional.of(text.getString());
    }

    private static ZholException unmappable(X500Name subject, String why) {
        return ZholException.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE, Origin.CLIENT,
                "Subject '" + Faults.excerpt(subject.toString()) + "' does not name a member: " + why);
    }
}
