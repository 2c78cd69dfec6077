// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.testpki.TestPki;

/** Responder authorisation, freshness and status, with responses built at test time. */
class OcspVerifierTest {

    private static final TestPki.Issuer ROOT = TestPki.rootCa("CN=OCSP Test Root");
    private static final X509Certificate LEAF = ROOT.issue(TestPki.Spec.sign("CN=1, O=GOV"),
            TestPki.ecKeyPair().getPublic());
    private static final TestPki.Issuer DELEGATED = delegate(ROOT, TestPki.Spec.ocspResponder("CN=Delegated"));
    private static final OcspVerifier VERIFIER = new OcspVerifier(TrustParameters.DEFAULTS);

    private static TestPki.Issuer delegate(TestPki.Issuer issuer, TestPki.Spec spec) {
        KeyPair keys = TestPki.ecKeyPair();
        return new TestPki.Issuer(issuer.issue(spec, keys.getPublic()), keys.getPrivate());
    }

    private static OcspTarget target(List<OcspResponder> responders) {
        return new OcspTarget(LEAF, ROOT.certificate(),
                new ApprovedCa("root", ROOT.certificate(), List.of(), responders, "default"));
    }

    private static FaultCode verify(TestOcsp.Answer answer, OcspTarget target) {
        try {
            VERIFIER.verify(OcspResponse.decode(answer.der()), target, Instant.now());
            return null;
        } catch (ZholException e) {
            return e.faultCode();
        }
    }

    @Test
    void caItselfAndDelegatedResponderAreAuthorised() {
        assertThat(verify(TestOcsp.Answer.good(ROOT, ROOT.certificate(), LEAF).carrying(List.of()), target(List.of())))
                .isNull();
        assertThat(verify(TestOcsp.Answer.good(DELEGATED, ROOT.certificate(), LEAF), target(List.of()))).isNull();
    }

    @Test
    void listedResponderIsAuthorisedOnlyWhenListed() {
        TestPki.Issuer outside = delegate(TestPki.rootCa("CN=Elsewhere"), TestPki.Spec.sign("CN=Listed Responder"));
        TestOcsp.Answer answer = TestOcsp.Answer.good(outside, ROOT.certificate(), LEAF);
        OcspResponder listed = new OcspResponder(URI.create("http://127.0.0.1:1/"), Optional.of(outside.certificate()));

        assertThat(verify(answer, target(List.of(listed)))).isNull();
        assertThat(verify(answer, target(List.of()))).isEqualTo(OcspFailure.UNAUTHORISED_RESPONDER.faultCode());
    }

    @Test
    void delegatedResponderNeedsOcspSigningAndTheIssuersSignature() {
        TestPki.Issuer noEku = delegate(ROOT, TestPki.Spec.sign("CN=No EKU"));
        TestPki.Issuer foreign = delegate(TestPki.rootCa("CN=OCSP Test Root"), TestPki.Spec.ocspResponder("CN=F"));

        assertThat(verify(TestOcsp.Answer.good(noEku, ROOT.certificate(), LEAF), target(List.of())))
                .isEqualTo(OcspFailure.UNAUTHORISED_RESPONDER.faultCode());
        assertThat(verify(TestOcsp.Answer.good(foreign, ROOT.certificate(), LEAF), target(List.of())))
                .isEqualTo(OcspFailure.UNAUTHORISED_RESPONDER.faultCode());
    }

    @Test
    void freshnessAndStatusHaveDistinctCodes() {
        TestOcsp.Answer good = TestOcsp.Answer.good(DELEGATED, ROOT.certificate(), LEAF);
        Instant now = Instant.now();

        assertThat(verify(good.times(now.minus(Duration.ofMinutes(59)), Optional.empty()), target(List.of())))
                .isNull();
        assertThat(verify(good.times(now.minus(Duration.ofMinutes(61)), Optional.empty()), target(List.of())))
                .isEqualTo(OcspFailure.NOT_FRESH.faultCode());
        assertThat(verify(good.times(now.minus(Duration.ofMinutes(5)), Optional.of(now.minusSeconds(1))),
                target(List.of()))).isEqualTo(OcspFailure.NOT_FRESH.faultCode());
        assertThat(verify(good.times(now.plus(Duration.ofMinutes(5)), Optional.empty()), target(List.of())))
                .isEqualTo(OcspFailure.NOT_FRESH.faultCode());
        CertificateStatus revoked = new RevokedStatus(Date.from(now.minusSeconds(60)), 1);
        assertThat(verify(good.status(revoked), target(List.of()))).isEqualTo(OcspFailure.REVOKED.faultCode());
        assertThat(verify(good.status(new UnknownStatus()), target(List.of())))
                .isEqualTo(OcspFailure.UNKNOWN.faultCode());
        assertThatCode(() -> VERIFIER.verifyOrigin(OcspResponse.decode(good.status(revoked).der()), target(List.of())))
                .doesNotThrowAnyException();
        assertThat(java.util.Set.of(OcspFailure.values()).stream().map(OcspFailure::faultCode).distinct().count())
                .isEqualTo(OcspFailure.values().length);
    }

    @Test
    void aRememberedPassCoversOnlyTheSameBytesTargetAndResponders() {
        byte[] der = TestOcsp.Answer.good(DELEGATED, ROOT.certificate(), LEAF).der();
        OcspResponse good = OcspResponse.decode(der);
        VERIFIER.verify(good, target(List.of()), Instant.now());
        VERIFIER.verify(good, target(List.of()), Instant.now());
        assertThat(VerifiedOrigins.SHARED.contains(VerifiedOrigins.key(good, target(List.of())))).isTrue();

        byte[] tampered = der.clone();
        tampered[tampered.length - 3] ^= 1; // inside the carried responder certificate
        assertThatCode(() -> VERIFIER.verifyOrigin(OcspResponse.decode(tampered), target(List.of())))
                .isInstanceOf(ZholException.class);

        X509Certificate other = ROOT.issue(TestPki.Spec.sign("CN=2, O=GOV"), TestPki.ecKeyPair().getPublic());
        OcspTarget otherTarget = new OcspTarget(other, ROOT.certificate(),
                new ApprovedCa("root", ROOT.certificate(), List.of(), List.of(), "default"));
        assertThatCode(() -> VERIFIER.verifyOrigin(good, otherTarget)).isInstanceOf(ZholException.class)
                .satisfies(e -> assertThat(((ZholException) e).faultCode())
                        .isEqualTo(OcspFailure.OTHER_CERTIFICATE.faultCode()));
        // A remembered origin does not skip the time-dependent half.
        assertThatCode(() -> VERIFIER.verify(good, target(List.of()),
                Instant.now().plus(Duration.ofHours(2)))).isInstanceOf(ZholException.class);
    }
}
