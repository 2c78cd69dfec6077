// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.CryptoProvider;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.crypto.SoftwareSigningKey;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.testpki.TestPki;

/**
 * A test signer: a root CA, a member's signing certificate (subject serialNumber = the member id), an
 * OCSP response for it, and simple implementations of the two interfaces the verifier needs.
 */
public final class SignatureFixture {

    public static final MemberId MEMBER = MemberId.parse("DEV/GOV/1234");
    public static final String SIGNER_DN = "CN=Tax Board, O=GOV, serialNumber=DEV/GOV/1234";

    public final TestPki.Issuer root;
    public final KeyPair keys;
    public final X509Certificate certificate;

    public SignatureFixture(TestPki.Issuer root, KeyPair keys, String subjectDn, Instant notBefore,
            Duration validity) {
        this.root = root;
        this.keys = keys;
        this.certificate = root.issue(TestPki.Spec.sign(subjectDn).withValidity(notBefore, validity),
                keys.getPublic());
    }

    /** An EC P-256 or RSA-2048 signer for {@link #MEMBER}, valid from an hour ago. */
    public static SignatureFixture create(boolean rsa) {
        TestPki.Issuer root = TestPki.rootCa("CN=Test Root, O=Zhol");
        return new SignatureFixture(root, rsa ? TestPki.rsaKeyPair() : TestPki.ecKeyPair(), SIGNER_DN,
                Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
    }

    public SigningCredentials credentials(CryptoProvider provider) {
        return new SigningCredentials(new SoftwareSigningKey(keys.getPrivate(), provider), certificate, List.of());
    }

    public CadesSigner cadesSigner() {
        return new CadesSigner(credentials(CryptoProvider.forSigning()));
    }

    /** A GOOD OCSP response for the signing certificate, signed by the root. */
    public byte[] ocspResponse(Instant producedAt) {
        return ocspResponse(root, certificate, producedAt, CertificateStatus.GOOD);
    }

    /**
     * An OCSP response about {@code certificate} with {@code status} (e.g. a BouncyCastle
     * {@code RevokedStatus}), signed by its issuing CA {@code issuer}, valid for an hour from
     * {@code producedAt}.
     */
    public static byte[] ocspResponse(TestPki.Issuer issuer, X509Certificate certificate, Instant producedAt,
            CertificateStatus status) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer.certificate());
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder,
                    certificate.getSerialNumber());
            JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(issuer.certificate().getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            builder.addResponse(id, status, Date.from(producedAt),
                    Date.from(producedAt.plus(Duration.ofHours(1))), null);
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(
                    TestPki.signatureAlgorithm(issuer.privateKey())).build(issuer.privateKey()), null,
                    Date.from(producedAt));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check that the signer is issued by {@code rootCert} and valid at the instant. */
    public static SignerCertificateCheck chainsTo(X509Certificate rootCert) {
        return (signer, embedded, ocsp, at) -> {
            try {
                signer.verify(rootCert.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw ZholException.client(ErrorCode.INVALID_CERT_PATH, "not issued by the test root");
            }
            for (byte[] response : ocsp) {
                checkOcsp(response, rootCert);
            }
            try {
                signer.checkValidity(Date.from(at));
            } catch (GeneralSecurityException e) {
                throw ZholException.client(ErrorCode.CERT_VALIDATION, "not valid at " + at);
            }
        };
    }

    private static void checkOcsp(byte[] der, X509Certificate rootCert) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL
                    || !(response.getResponseObject() instanceof BasicOCSPResp basic)
                    || !basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(rootCert))
                    || !java.util.Arrays.equals(der, response.getEncoded())
                    || !java.util.Arrays.equals(basic.getEncoded(),
                            response.toASN1Structure().getResponseBytes().getResponse().getOctets())) {
                throw ZholException.client(ErrorCode.INCORRECT_VALIDATION_INFO, "bad OCSP response");
            }
        } catch (java.io.IOException | org.bouncycastle.cert.ocsp.OCSPException
                | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            if (e instanceof ZholException z) {
                throw z;
            }
            throw ZholException.client(ErrorCode.INCORRECT_VALIDATION_INFO, "unparseable OCSP response");
        }
    }

    /** The member named by the subject's serialNumber attribute, {@code INSTANCE/CLASS/CODE}. */
    public static SigningCertificateProfile serialNumberProfile() {
        return (certificate, instance) -> {
            X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            ASN1ObjectIdentifier serial = BCStyle.SERIALNUMBER;
            RDN[] rdns = subject.getRDNs(serial);
            if (rdns.length != 1) {
                throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "no serialNumber");
            }
            MemberId member = MemberId.parse(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
            if (!member.instance().equals(instance)) {
                throw ZholException.client(ErrorCode.INCORRECT_CERTIFICATE, "wrong instance");
            }
            return member;
        };
    }

    public MessageSignatureVerifier verifier() {
        return verifier(root.certificate());
    }

    public static MessageSignatureVerifier verifier(X509Certificate rootCert) {
        return new MessageSignatureVerifier(new CadesVerifier(), chainsTo(rootCert), serialNumberProfile(),
                ManifestLimits.DEFAULT, 16);
    }

    /** A request with a metadata record, an HTTP header part and a body, and its manifest. */
    public record Message(byte[] metadata, byte[] header, byte[] body, byte[] manifest,
            List<DataObject> dataObjects) {

        public static Message create(String id, Instant signingTime, byte[] body) {
            MessageMetadata metadata = new MessageMetadata(id, ClientId.parse("DEV/GOV/1234/CLIENT"),
                    ServiceId.parse("DEV/COM/5678/PROVIDER/getRandom/v1"), signingTime, Optional.empty());
            byte[] metadataBytes = metadata.encode();
            byte[] header = ("GET /r1/DEV/COM/5678/PROVIDER/getRandom/v1 HTTP/1.1\r\naccept: application/json\r\n"
                    + "x-road-client: DEV/GOV/1234/CLIENT\r\n").getBytes(StandardCharsets.UTF_8);
            List<DataObject> objects = List.of(metadata.toDataObject(),
                    DataObject.of("header.http", "message/http", header),
                    DataObject.of("body", "application/json", body));
            return new Message(metadataBytes, header, body, ManifestCodec.encode(Manifest.of(objects)), objects);
        }

        /** The data objects as a receiver digests them from (possibly tampered) parts. */
        public List<DataObject> digestsOf(byte[] metadataPart, byte[] headerPart, byte[] bodyPart) {
            return List.of(DataObject.of(MessageMetadata.URI, MessageMetadata.MIME_TYPE, metadataPart),
                    DataObject.of("header.http", "message/http", headerPart),
                    DataObject.of("body", "application/json", bodyPart));
        }
    }
}
