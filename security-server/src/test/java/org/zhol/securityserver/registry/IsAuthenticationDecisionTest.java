// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.testpki.TestPki;

/** The three IS authentication modes. */
class IsAuthenticationDecisionTest {

    static final SubsystemId CLIENT = SubsystemId.parse("DEV/GOV/1001/CONSUMER");

    final TestPki.Issuer ca = TestPki.rootCa("CN=IS CA");
    final X509Certificate listed = ca.issue(TestPki.Spec.auth("CN=IS 1"), TestPki.ecKeyPair().getPublic());
    final X509Certificate unlisted = ca.issue(TestPki.Spec.auth("CN=IS 2"), TestPki.ecKeyPair().getPublic());
    final List<IsCertificate> whitelist = List.of(new IsCertificate(CertificateHash.of(listed), "CN=IS 1", Instant.now()));

    @Test
    void noneAcceptsAnyConnection() {
        assertThatCode(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.NONE, List.of(), false, List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void tlsRequiresHttps() {
        assertThatCode(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.TLS, List.of(), true, List.of()))
                .doesNotThrowAnyException();
        refused(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.TLS, List.of(), false, List.of()));
    }

    @Test
    void mtlsRequiresAWhitelistedCertificate() {
        assertThatCode(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.MTLS, whitelist, true,
                List.of(listed))).doesNotThrowAnyException();
        refused(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.MTLS, whitelist, true, List.of(unlisted)));
        refused(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.MTLS, whitelist, true, List.of()));
        refused(() -> IsAuthenticationDecision.check(CLIENT, IsAuthentication.MTLS, whitelist, false, List.of(listed)));
    }

    static void refused(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ZholException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.SSL_AUTHENTICATION_FAILED));
    }
}
