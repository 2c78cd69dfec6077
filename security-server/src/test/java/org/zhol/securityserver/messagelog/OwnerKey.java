// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.ocsp.OwnOcspStatus;
import org.zhol.securityserver.signer.KeyAlgorithm;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.SoftwareToken;
import org.zhol.securityserver.signer.TokenConfig;

/**
 * The owner member's signing key on a real software token (PKCS#12 under a PIN): generated on the
 * token, certified from its CSR by a test CA, imported; and GOOD OCSP responses for its certificate,
 * signed by the CA, as the OCSP cache would hold them.
 */
final class OwnerKey implements AutoCloseable {

    static final String SUBJECT = "CN=Owner, O=GOV, serialNumber=DEV/GOV/1234";

    final TestPki.Issuer ca = TestPki.rootCa("CN=Message Log Test CA, O=Zhol");
    final SoftwareToken token;
    final X509Certificate certificate;
    private volatile boolean ocspAvailable = true;

    OwnerKey(Path directory) throws Exception {
        token = new SoftwareToken(new TokenConfig.Software("software", directory, KeyAlgorithm.EC_P256),
                new DefaultCertificateProfile());
        token.open(PinSource.of("owner-PIN".toCharArray()));
        KeyInfo key = token.generateKey(KeyRole.SIGN, Optional.of(LogFixture.SERVER.owner()), "owner");
        byte[] csr = token.certificationRequest(key.keyId(), new X500Name(SUBJECT));
        certificate = ca.issue(TestPki.Spec.sign(SUBJECT), new JcaPKCS10CertificationRequest(csr).getPublicKey());
        token.importCertificate(certificate.getEncoded());
    }

    /** Signs with this key (messages of its member, as the exchange would). */
    CadesSigner cadesSigner() {
        KeyInfo key = token.keys().getFirst();
        return new CadesSigner(new SigningCredentials(token.signingKey(key.keyId()), certificate, List.of()));
    }

    /** A GOOD OCSP response for the certificate, made now. */
    byte[] ocspResponse() {
        return SignatureFixture.ocspResponse(ca, certificate, Instant.now(), CertificateStatus.GOOD);
    }

    /** Signs checkpoints with this key. */
    CheckpointSigning signing() {
        return new OwnerCheckpointSigning(token, ocsp(), LogFixture.SERVER.owner());
    }

    /** Verifies checkpoints against the test CA, with the member in the certificate's serialNumber. */
    CheckpointVerifier verifier() {
        return new CheckpointVerifier(new CadesVerifier(), SignatureFixture.chainsTo(ca.certificate()),
                SignatureFixture.serialNumberProfile());
    }

    /** Whether the OCSP responses are offered (a stale cache offers none). */
    void ocspAvailable(boolean available) {
        ocspAvailable = available;
    }

    private OwnOcspResponses ocsp() {
        return new OwnOcspResponses() {
            @Override
            public Optional<byte[]> freshResponse(X509Certificate cert) {
                return ocspAvailable && cert.equals(certificate)
                        ? Optional.of(SignatureFixture.ocspResponse(ca, certificate, Instant.now(), CertificateStatus.GOOD))
                        : Optional.empty();
            }

            @Override
            public Optional<byte[]> freshResponse(CertificateHash hash) {
                return hash.equals(CertificateHash.of(certificate)) ? freshResponse(certificate) : Optional.empty();
            }

            @Override
            public List<OwnOcspStatus> status() {
                return List.of();
            }

            @Override
            public List<String> problems() {
                return List.of();
            }
        };
    }

    /**
     * A global configuration that approves this key's CA and {@code tsa}: the owner DEV/GOV/1234 with its
     * subsystem CLIENT and server SS1, and the member DEV/COM/5678 with PROVIDER.
     */
    GlobalConfiguration configuration(TsaServer tsa) {
        MemberId gov = MemberId.parse("DEV/GOV/1234");
        MemberId com = MemberId.parse("DEV/COM/5678");
        return new GlobalConfiguration("DEV",
                List.of(new MemberClass("GOV", "Government"), new MemberClass("COM", "Companies")),
                List.of(new Member(gov, "Owner", List.of(gov.subsystem("CLIENT"))),
                        new Member(com, "Shop", List.of(com.subsystem("PROVIDER")))),
                List.of(new SecurityServer(LogFixture.SERVER, "ss1.example.org", List.of(), List.of(gov.subsystem("CLIENT")),
                        false)),
                List.of(),
                List.of(new ApprovedCa("Test CA", ca.certificate(), List.of(), List.of(),
                        DefaultCertificateProfile.ID)),
                List.of(tsa.approved()),
                new TrustParameters(Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(600)));
    }

    /** Locks the token, as a server stopping or a wrong PIN would. */
    void lock() {
        token.close();
    }

    @Override
    public void close() {
        token.close();
    }
}
