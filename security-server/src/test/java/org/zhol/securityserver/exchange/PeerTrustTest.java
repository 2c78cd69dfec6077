// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;

/** The trust decisions about peer servers, over a configuration with one approved CA. */
@Tag("security")
class PeerTrustTest {

    static final MemberId OWNER = MemberId.parse("DEV/GOV/1001");
    static final SecurityServerId SS1 = new SecurityServerId(OWNER, "SS1");

    final TestPki.Issuer ca = TestPki.rootCa("CN=Trust CA");
    final TestPki.Issuer other = TestPki.rootCa("CN=Other CA");
    final KeyPair keys = TestPki.ecKeyPair();
    final X509Certificate auth = ca.issue(TestPki.Spec.auth("CN=SS1"), keys.getPublic());
    final X509Certificate sign = ca.issue(TestPki.Spec.sign("CN=1001, O=GOV"), keys.getPublic());
    final X509Certificate foreign = other.issue(TestPki.Spec.auth("CN=SS1"), keys.getPublic());
    final ExchangeWorld.Conf conf = new ExchangeWorld.Conf();
    final PeerTrust trust = new PeerTrust(conf, Clock.systemUTC());

    PeerTrustTest() {
        conf.set(new GlobalConfiguration("DEV", List.of(new MemberClass("GOV", "Gov")),
                List.of(new Member(OWNER, "Owner", List.of())),
                List.of(new SecurityServer(SS1, "127.0.0.1", List.of(CertificateHash.of(auth), CertificateHash.of(sign),
                        CertificateHash.of(foreign)), List.of(), false)),
                List.of(), List.of(new ApprovedCa("Trust CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(URI.create("http://127.0.0.1:1/"), Optional.empty())), "default")),
                List.of(), new TrustParameters(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(10))));
    }

    @Test
    void aRegisteredAuthCertificateOfAnApprovedCaIsThePeerItIsRegisteredFor() {
        assertThat(trust.authenticate(List.of(auth))).isEqualTo(SS1);
    }

    @Test
    void anythingElseIsSslAuthenticationFailed() {
        X509Certificate unregistered = ca.issue(TestPki.Spec.auth("CN=Nobody"), TestPki.ecKeyPair().getPublic());
        assertThat(code(() -> trust.authenticate(List.of(unregistered)))).isEqualTo("SslAuthenticationFailed");
        assertThat(code(() -> trust.authenticate(List.of(foreign)))).isEqualTo("SslAuthenticationFailed");
        assertThat(code(() -> trust.authenticate(List.of(sign)))).isEqualTo("SslAuthenticationFailed");
        assertThat(code(() -> trust.authenticate(List.of()))).isEqualTo("SslAuthenticationFailed");
        ZholException wrongUsage = catchThrowableOfType(ZholException.class, () -> trust.authenticate(List.of(sign)));
        assertThat(wrongUsage.detail()).contains("WrongCertUsage");
    }

    @Test
    void anExpiredConfigurationTrustsNobody() {
        conf.expire(true);
        assertThat(code(() -> trust.authenticate(List.of(auth)))).isEqualTo("OutdatedGlobalConf");
    }

    @Test
    void theStapledOcspResponseMustBeGoodFreshAndForTheCertificate() {
        assertThatCode(() -> trust.checkOcsp(List.of(auth), SignatureFixture.ocspResponse(ca, auth, Instant.now(),
                CertificateStatus.GOOD))).doesNotThrowAnyException();
        assertThat(code(() -> trust.checkOcsp(List.of(auth), SignatureFixture.ocspResponse(ca, auth,
                Instant.now().minus(Duration.ofMinutes(11)), CertificateStatus.GOOD))))
                .isEqualTo("IncorrectValidationInfo.CertValidityTime");
        assertThat(code(() -> trust.checkOcsp(List.of(auth), SignatureFixture.ocspResponse(ca, auth, Instant.now(),
                new RevokedStatus(java.util.Date.from(Instant.now().minusSeconds(60)), 1)))))
                .isEqualTo("CertValidation");
        assertThat(code(() -> trust.checkOcsp(List.of(auth), SignatureFixture.ocspResponse(ca, sign, Instant.now(),
                CertificateStatus.GOOD)))).isEqualTo("IncorrectValidationInfo");
        assertThat(code(() -> trust.checkOcsp(List.of(auth), new byte[0]))).isEqualTo("MissingValidationInfo");
    }

    static String code(Runnable action) {
        FaultCode code = catchThrowableOfType(ZholException.class, action::run).faultCode();
        return code.toString();
    }
}
