// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.crypto.SoftwareSigningKey;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;

/**
 * A test PKI for management requests: one approved root issuing the owner's and another member's
 * signing certificates and the server's authentication certificate, with OCSP responses on demand.
 * Shared with the servers' tests through the test jar.
 */
public final class ManagementFixture {

    public static final String INSTANCE = "DEV";
    public static final MemberId OWNER = MemberId.parse("DEV/GOV/1234");
    public static final MemberId OTHER_MEMBER = MemberId.parse("DEV/COM/5678");
    public static final SecurityServerId SERVER = new SecurityServerId(OWNER, "SS1");

    public final TestPki.Issuer root;
    public final Instant notBefore;
    public final Party owner;
    public final Party otherMember;
    public final Party auth;

    /** A key with its certificate and the CA that issued it. */
    public record Party(KeyPair keys, X509Certificate certificate, TestPki.Issuer issuer) {

        public SigningCredentials credentials() {
            return new SigningCredentials(new SoftwareSigningKey(keys.getPrivate()), certificate, List.of());
        }

        /** A GOOD OCSP response produced at {@code at}, as a one-element list. */
        public List<byte[]> goodOcsp(Instant at) {
            return List.of(ocsp(at, CertificateStatus.GOOD));
        }

        public byte[] ocsp(Instant at, CertificateStatus status) {
            return SignatureFixture.ocspResponse(issuer, certificate, at, status);
        }

        public byte[] der() {
            try {
                return certificate.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private ManagementFixture(TestPki.Issuer root, Instant notBefore) {
        this.root = root;
        this.notBefore = notBefore;
        this.owner = signingParty(root, OWNER, notBefore);
        this.otherMember = signingParty(root, OTHER_MEMBER, notBefore);
        this.auth = authParty(root, "CN=DEV/GOV/1234/SS1, O=GOV", true, notBefore);
    }

    /** A root valid for 20 years and leaves valid for 10, all from {@code notBefore}. */
    public static ManagementFixture create(Instant notBefore) {
        return new ManagementFixture(TestPki.rootCa("CN=Zhol Management Root, O=Zhol", notBefore,
                Duration.ofDays(20 * 365)), notBefore);
    }

    /** A signing certificate for {@code member} (subject serialNumber = its path form) under {@code ca}. */
    public static Party signingParty(TestPki.Issuer ca, MemberId member, Instant notBefore) {
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = ca.issue(TestPki.Spec.sign("CN=" + member.memberCode() + ", O=" + member.memberClass()
                + ", serialNumber=" + member.toPath()).withValidity(notBefore, Duration.ofDays(10 * 365)),
                keys.getPublic());
        return new Party(keys, cert, ca);
    }

    /** An authentication certificate under {@code ca}; without {@code clientAuth} it has serverAuth only. */
    public static Party authParty(TestPki.Issuer ca, String subjectDn, boolean clientAuth, Instant notBefore) {
        KeyPair keys = TestPki.ecKeyPair();
        TestPki.Spec spec = clientAuth ? TestPki.Spec.auth(subjectDn)
                : new TestPki.Spec(subjectDn, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                        List.of(KeyPurposeId.id_kp_serverAuth), false, false, notBefore, Duration.ofDays(1));
        return new Party(keys, ca.issue(spec.withValidity(notBefore, Duration.ofDays(10 * 365)), keys.getPublic()), ca);
    }

    /** Trust anchors approving {@code rootCertificate} alone, with the default profile and timings. */
    public static TrustAnchors anchors(X509Certificate rootCertificate) {
        ApprovedCa ca = new ApprovedCa("management test root", rootCertificate, List.of(), List.of(),
                DefaultCertificateProfile.ID);
        return new TrustAnchors() {
            @Override
            public List<ApprovedCa> approvedCas() {
                return List.of(ca);
            }

            @Override
            public List<ApprovedTsa> approvedTsas() {
                return List.of();
            }

            @Override
            public TrustParameters trustParameters() {
                return TrustParameters.DEFAULTS;
            }
        };
    }

    public static ManagementRequestVerifier verifier(X509Certificate rootCertificate) {
        return new ManagementRequestVerifier(anchors(rootCertificate), CertificateProfiles.standard());
    }

    public ManagementRequestVerifier verifier() {
        return verifier(root.certificate());
    }

    /** A signer with GOOD OCSP produced at {@code ocspAt} for the owner, the auth key and the other member. */
    public ManagementRequestSigner signer(Instant ocspAt) {
        return ManagementRequestSigner.builder()
                .owner(owner.credentials(), owner.goodOcsp(ocspAt))
                .authKey(auth.credentials(), auth.goodOcsp(ocspAt))
                .client(otherMember.credentials(), otherMember.goodOcsp(ocspAt))
                .build();
    }
}
