// SPDX-License-Identifier: MIT
package org.zhol.securityserver.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.globalconf.ConfigurationStatus;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.ocsp.OwnOcspStatus;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.SoftwareToken;
import org.zhol.securityserver.signer.TokenConfig;

/** The three trust checks over stand-ins of the configuration and the OCSP cache, and a real software token. */
class TrustHealthChecksTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    record Configuration(ConfigurationStatus status) implements CurrentConfiguration {
        @Override
        public GlobalConfiguration require() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> expiresAt() {
            return status.expiresAt();
        }
    }

    /** Fresh for the certificates in {@code fresh}; {@code problems} as given. */
    record Ocsp(List<X509Certificate> fresh, List<String> problems) implements OwnOcspResponses {
        @Override
        public Optional<byte[]> freshResponse(X509Certificate certificate) {
            return fresh.contains(certificate) ? Optional.of(new byte[] {1}) : Optional.empty();
        }

        @Override
        public Optional<byte[]> freshResponse(CertificateHash certificateHash) {
            return Optional.empty();
        }

        @Override
        public List<OwnOcspStatus> status() {
            return List.of();
        }
    }

    @Test
    void configurationValid() {
        HealthCheck valid = new ConfigurationHealthCheck(new Configuration(new ConfigurationStatus(true, NOW, 3,
                Optional.of(NOW.plusSeconds(600)), Optional.of(NOW), Optional.empty(), 0)));
        assertThat(valid.check().ok()).isTrue();
        HealthCheck none = new ConfigurationHealthCheck(new Configuration(new ConfigurationStatus(false, NOW, 0,
                Optional.empty(), Optional.empty(), Optional.of(new ConfigurationStatus.Failure(NOW,
                        "OutdatedGlobalConf", "No configuration anchor has been imported")), 1)));
        assertThat(none.check().reason()).contains("no global configuration is held; last error: "
                + "OutdatedGlobalConf: No configuration anchor has been imported");
        HealthCheck expired = new ConfigurationHealthCheck(new Configuration(new ConfigurationStatus(false, NOW, 3,
                Optional.of(NOW.minusSeconds(1)), Optional.of(NOW), Optional.empty(), 0)));
        assertThat(expired.check().reason()).contains("global configuration generation 3 expired at "
                + NOW.minusSeconds(1));
    }

    @Test
    void ocspFresh() {
        assertThat(new OcspHealthCheck(new Ocsp(List.of(), List.of())).check().ok()).isTrue();
        assertThat(new OcspHealthCheck(new Ocsp(List.of(), List.of("a", "b"))).check().reason()).contains("a; b");
    }

    @Test
    void authKeyUsable() throws Exception {
        SoftwareToken token = new SoftwareToken(TokenConfig.Software.in(dir), new DefaultCertificateProfile());
        Ocsp none = new Ocsp(List.of(), List.of());
        assertThat(new AuthKeyHealthCheck(token, none).check().reason().orElseThrow()).contains("TokenNotActive");
        token.open(PinSource.of("1234".toCharArray()));
        try {
            assertThat(new AuthKeyHealthCheck(token, none).check().reason()).contains("there is no auth key");
            token.generateKey(KeyRole.SIGN, Optional.of(MemberId.parse("DEV/GOV/1001")), "");
            KeyInfo auth = token.generateKey(KeyRole.AUTH, Optional.empty(), "tls");
            assertThat(new AuthKeyHealthCheck(token, none).check().reason())
                    .contains("no auth key has an imported certificate");
            X509Certificate certificate = TestPki.rootCa("CN=Health CA").issue(TestPki.Spec.auth("CN=SS1, O=GOV"),
                    auth.publicKey());
            token.importCertificate(certificate.getEncoded());
            assertThat(new AuthKeyHealthCheck(token, none).check().reason())
                    .contains("no auth certificate has a fresh OCSP response");
            assertThat(new AuthKeyHealthCheck(token, new Ocsp(List.of(certificate), List.of())).check().ok())
                    .isTrue();
        } finally {
            token.close();
        }
    }
}
