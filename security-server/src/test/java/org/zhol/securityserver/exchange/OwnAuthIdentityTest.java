// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.SoftwareToken;
import org.zhol.securityserver.signer.TokenConfig;

/** Which AUTH key this server presents in TLS. */
class OwnAuthIdentityTest {

    @TempDir
    Path dir;

    final TestPki.Issuer ca = TestPki.rootCa("CN=Auth CA");
    final ExchangeWorld.Conf conf = new ExchangeWorld.Conf();
    final ExchangeWorld.Ocsp ocsp = new ExchangeWorld.Ocsp();
    SoftwareToken token;

    @AfterEach
    void close() {
        token.close();
    }

    X509Certificate authKey(String cn) {
        KeyInfo key = token.generateKey(KeyRole.AUTH, Optional.empty(), cn);
        X509Certificate certificate = ca.issue(TestPki.Spec.auth("CN=" + cn), key.publicKey());
        token.importCertificate(ExchangeWorld.encoded(certificate));
        return certificate;
    }

    void register(X509Certificate... certificates) {
        GlobalConfiguration base = ExchangeWorld.configuration(ca);
        List<SecurityServer> servers = base.securityServers().stream().map(s -> s.id().equals(ExchangeWorld.SS1)
                ? new SecurityServer(s.id(), s.address(), java.util.Arrays.stream(certificates).map(CertificateHash::of)
                        .toList(), s.clients(), false) : s).toList();
        conf.set(new GlobalConfiguration(base.instance(), base.memberClasses(), base.members(), servers,
                base.globalGroups(), base.approvedCas(), base.approvedTsas(), base.trustParameters()));
    }

    @Test
    void theNewestRegisteredCertificateWithAFreshOcspResponse() {
        token = new SoftwareToken(TokenConfig.Software.in(dir.resolve("keys")), new DefaultCertificateProfile());
        token.open(ExchangeWorld.PIN);
        OwnAuthIdentity identity = new OwnAuthIdentity(ExchangeWorld.SS1, token, ocsp, conf);
        X509Certificate old = authKey("old");
        X509Certificate unregistered = authKey("unregistered");
        register(old);
        assertThat(PeerTrustTest.code(identity::current)).isEqualTo("MissingValidationInfo");
        byte[] response = SignatureFixture.ocspResponse(ca, old, Instant.now(), CertificateStatus.GOOD);
        ocsp.responses.put(old, response);
        ocsp.responses.put(unregistered, response);
        assertThat(identity.chain()).containsExactly(old);
        assertThat(identity.ocspResponse()).isEqualTo(response);
        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("EC");

        X509Certificate rotated = authKey("rotated");
        register(old, rotated);
        assertThat(identity.chain()).as("no OCSP for the new one yet").containsExactly(old);
        ocsp.responses.put(rotated, SignatureFixture.ocspResponse(ca, rotated, Instant.now(), CertificateStatus.GOOD));
        assertThat(identity.current().certificate()).isEqualTo(rotated);

        register();
        assertThat(PeerTrustTest.code(identity::current)).isEqualTo("SslAuthenticationFailed");
        conf.expire(true);
        assertThat(PeerTrustTest.code(identity::current)).isEqualTo("OutdatedGlobalConf");
    }
}
