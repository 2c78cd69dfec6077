// SPDX-License-Identifier: MIT
package org.zhol.protocol.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.testpki.TestPki;

/** Roles, the default profile and path validation. */
class CertificatesTest {

    private static final TestPki.Issuer ROOT = TestPki.rootCa("CN=Cert Test Root");
    private static final TestPki.Issuer INTERMEDIATE = ROOT.intermediate("CN=Cert Test Intermediate");
    private static final ApprovedCa APPROVED = new ApprovedCa("root", ROOT.certificate(),
            List.of(INTERMEDIATE.certificate()), List.of(), "default");

    private static X509Certificate issue(TestPki.Issuer issuer, TestPki.Spec spec) {
        return issuer.issue(spec, TestPki.ecKeyPair().getPublic());
    }

    private static FaultCode code(Runnable action) {
        try {
            action.run();
        } catch (ZholException e) {
            return e.faultCode();
        }
        throw new AssertionError("no fault");
    }

    @Test
    void rolesNeedTheirUsages() {
        X509Certificate auth = issue(ROOT, TestPki.Spec.auth("CN=ss"));
        X509Certificate sign = issue(ROOT, TestPki.Spec.sign("CN=m"));
        X509Certificate tlsServerOnly = issue(ROOT, new TestPki.Spec("CN=s", KeyUsage.digitalSignature,
                List.of(KeyPurposeId.id_kp_serverAuth), false, false, Instant.now(), Duration.ofDays(1)));

        assertThatCode(() -> CertificateRole.AUTHENTICATION.check(auth)).doesNotThrowAnyException();
        assertThatCode(() -> CertificateRole.SIGNING.check(sign)).doesNotThrowAnyException();
        assertThat(code(() -> CertificateRole.SIGNING.check(auth))).isEqualTo(FaultCode.of(ErrorCode.WRONG_CERT_USAGE));
        assertThat(code(() -> CertificateRole.AUTHENTICATION.check(sign)))
                .isEqualTo(FaultCode.of(ErrorCode.WRONG_CERT_USAGE));
        assertThat(code(() -> CertificateRole.AUTHENTICATION.check(tlsServerOnly)))
                .isEqualTo(FaultCode.of(ErrorCode.WRONG_CERT_USAGE));
    }

    @Test
    void defaultProfileReadsSerialNumberOrOrganisationAndCommonName() {
        CertificateProfile profile = CertificateProfiles.standard().profile("default");

        assertThat(profile.memberId(issue(ROOT, TestPki.Spec.sign("CN=Tax, O=Gov, serialNumber=EE/GOV/70000310")),
                "DEV")).isEqualTo(MemberId.parse("EE/GOV/70000310"));
        assertThat(profile.memberId(issue(ROOT, TestPki.Spec.sign("CN=70000310, O=GOV")), "DEV"))
                .isEqualTo(MemberId.parse("DEV/GOV/70000310"));
        assertThat(code(() -> profile.memberId(issue(ROOT, TestPki.Spec.sign("CN=x, serialNumber=A/B")), "DEV")))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE));
        assertThat(code(() -> profile.memberId(issue(ROOT, TestPki.Spec.sign("CN=only")), "DEV")))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE));
        assertThat(code(() -> profile.memberId(issue(ROOT, TestPki.Spec.sign("CN=a b, O=GOV")), "DEV")))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE));
        assertThat(code(() -> CertificateProfiles.standard().profile("ee")))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE));
    }

    @Test
    void chainThroughIntermediateMapsToItsMemberOnly() {
        X509Certificate leaf = issue(INTERMEDIATE, TestPki.Spec.sign("CN=1, O=GOV"));

        ValidatedChain chain = CertChainValidator.validate(leaf, List.of(), List.of(APPROVED), Instant.now());

        assertThat(chain.ca()).isEqualTo(APPROVED);
        assertThat(chain.certificates()).containsExactly(leaf, INTERMEDIATE.certificate(), ROOT.certificate());
        assertThat(chain.issuer()).isEqualTo(INTERMEDIATE.certificate());
        CertificateProfiles.standard().verifyMember(chain, MemberId.parse("DEV/GOV/1"));
        assertThat(code(() -> CertificateProfiles.standard().verifyMember(chain, MemberId.parse("DEV/GOV/2"))))
                .isEqualTo(FaultCode.of(ErrorCode.INCORRECT_CERTIFICATE));
    }

    @Test
    void suppliedIntermediateAndSecondCaAreUsed() {
        TestPki.Issuer otherRoot = TestPki.rootCa("CN=Other Root");
        TestPki.Issuer otherIntermediate = otherRoot.intermediate("CN=Other Intermediate");
        ApprovedCa other = new ApprovedCa("other", otherRoot.certificate(), List.of(), List.of(), "default");
        X509Certificate leaf = issue(otherIntermediate, TestPki.Spec.sign("CN=1, O=GOV"));

        ValidatedChain chain = CertChainValidator.validate(leaf, List.of(otherIntermediate.certificate()),
                List.of(APPROVED, other), Instant.now());

        assertThat(chain.ca()).isEqualTo(other);
        assertThat(code(() -> CertChainValidator.validate(leaf, List.of(), List.of(APPROVED, other), Instant.now())))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_CREATE_CERT_PATH));
    }

    @Test
    void expiredOrUnapprovedPathsHaveTheirCodes() {
        X509Certificate leaf = issue(INTERMEDIATE, TestPki.Spec.sign("CN=1, O=GOV"));
        X509Certificate stranger = issue(TestPki.rootCa("CN=Cert Test Root"), TestPki.Spec.sign("CN=1, O=GOV"));
        java.security.KeyPair notCaKeys = TestPki.ecKeyPair();
        X509Certificate notCa = ROOT.issue(TestPki.Spec.sign("CN=Not A CA"), notCaKeys.getPublic());

        assertThat(code(() -> CertChainValidator.validate(leaf, List.of(), List.of(APPROVED),
                Instant.now().plus(Duration.ofDays(400))))).isEqualTo(
                        FaultCode.of(ErrorCode.INVALID_CERT_PATH, ErrorCode.CERT_VALIDITY_TIME));
        assertThat(code(() -> CertChainValidator.validate(stranger, List.of(), List.of(APPROVED), Instant.now())))
                .isEqualTo(FaultCode.of(ErrorCode.CANNOT_CREATE_CERT_PATH));
        assertThat(code(() -> CertChainValidator.validate(ROOT.certificate(), List.of(), List.of(APPROVED),
                Instant.now()))).isEqualTo(FaultCode.of(ErrorCode.CANNOT_CREATE_CERT_PATH));
        X509Certificate underNotCa = new TestPki.Issuer(notCa, notCaKeys.getPrivate()).issue(
                TestPki.Spec.sign("CN=x"), TestPki.ecKeyPair().getPublic());
        assertThat(code(() -> CertChainValidator.validate(underNotCa, List.of(notCa), List.of(APPROVED),
                Instant.now()))).isEqualTo(FaultCode.of(ErrorCode.INVALID_CERT_PATH));
    }
}
