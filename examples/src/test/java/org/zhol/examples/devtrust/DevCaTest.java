// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.id.MemberId;

class DevCaTest {

    @TempDir
    Path dir;

    static PKCS10CertificationRequest csr(String subject) throws Exception {
        KeyPair keys = newKeys();
        return csr(subject, keys, keys);
    }

    static PKCS10CertificationRequest csr(String subject, KeyPair subjectKeys, KeyPair signingKeys) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), subjectKeys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKeys.getPrivate()));
    }

    static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Test
    void issuesByRoleRevokesAndKeepsStateAcrossRestart() throws Exception {
        DevCa ca = new DevCa(dir);
        ca.start();
        KeyPair keys = newKeys();
        X509Certificate signing = ca.issue(csr("CN=70000310, O=GOV, serialNumber=DEV/GOV/70000310", keys, keys),
                CertificateRole.SIGNING);
        X509Certificate auth = ca.issue(csr("CN=ss1"), CertificateRole.AUTHENTICATION,
                new X500Name("CN=ss1, O=GOV, serialNumber=DEV/GOV/70000310"));
        CertificateRole.SIGNING.check(signing);
        CertificateRole.AUTHENTICATION.check(auth);
        assertThat(signing.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(auth.getSubjectX500Principal().getName()).contains("CN=ss1");
        Instant revokedAt = Instant.parse("2026-01-02T03:04:05Z");
        ca.revoke(auth.getSerialNumber(), 4, revokedAt);
        X509Certificate caCert = ca.certificate();
        X509Certificate responder = ca.ocspResponder().certificate();

        DevCa restarted = new DevCa(dir);
        restarted.start();

        assertThat(restarted.certificate()).isEqualTo(caCert);
        assertThat(restarted.ocspResponder().certificate()).isEqualTo(responder);
        assertThat(restarted.issued()).hasSize(2);
        assertThat(restarted.find(signing.getSerialNumber()).orElseThrow().revocation()).isEmpty();
        IssuedCertificate revoked = restarted.find(auth.getSerialNumber()).orElseThrow();
        assertThat(revoked.role()).isEqualTo(CertificateRole.AUTHENTICATION);
        assertThat(revoked.revocation().orElseThrow()).isEqualTo(new IssuedCertificate.Revocation(revokedAt, 4));
        assertThat(revoked.certificate()).isEqualTo(auth);
    }

    @Test
    void issuedSigningCertificateChainsAndMapsToItsMember() throws Exception {
        DevCa ca = new DevCa(dir);
        ca.start();
        X509Certificate signing = ca.issue(csr("CN=70000310, O=GOV, serialNumber=DEV/GOV/70000310"),
                CertificateRole.SIGNING);
        ApprovedCa approved = new ApprovedCa("dev", ca.certificate(), List.of(), List.of(), "default");

        var chain = CertChainValidator.validate(signing, List.of(), List.of(approved), Instant.now());

        assertThat(chain.certificates()).containsExactly(signing, ca.certificate());
        CertificateProfiles.standard().verifyMember(chain, MemberId.parse("DEV/GOV/70000310"));
    }

    @Test
    void refusesCsrWithBadSignatureAndUnknownSerial() throws Exception {
        DevCa ca = new DevCa(dir);
        ca.start();

        assertThatThrownBy(() -> ca.issue(csr("CN=x", newKeys(), newKeys()), CertificateRole.SIGNING))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE_VALUE));
        assertThatThrownBy(() -> ca.revoke(java.math.BigInteger.TEN, 0))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CERT_NOT_FOUND));
        assertThat(ca.issued()).isEmpty();
    }
}
