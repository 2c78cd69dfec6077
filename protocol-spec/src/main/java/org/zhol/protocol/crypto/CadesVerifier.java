// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.OtherRevocationInfoFormat;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Verifies a CAdES-BES detached CMS signature as {@link CadesSigner} makes it (and as
 * {@code openssl cms -sign -binary -md sha256 -cades} does): one signer, SHA-256, the algorithm bound
 * to the embedded signer key, signed content-type {@code id-data}, message-digest, signing-time and a
 * signing-certificate-v2 that binds the embedded signer certificate.
 *
 * <p>It checks the signature only. Whether the certificate chains to an approved CA, is unrevoked,
 * and belongs to the expected member is the caller's job (see
 * {@code org.zhol.protocol.manifest.MessageSignatureVerifier}).
 *
 * <p><b>Limits:</b> {@link #MAX_SIGNATURE_BYTES}; exactly one signer; detached content only.
 *
 * <p><b>Pitfalls:</b> trailing bytes after the DER structure are rejected, not ignored.
 */
public final class CadesVerifier {

    /** Limit: the largest CMS signature accepted (certificates and OCSP responses included). */
    public static final int MAX_SIGNATURE_BYTES = 256 * 1024;

    /** How many signer certificates a verifier keeps a ready signature verifier for. */
    public static final int KEY_CACHE_ENTRIES = 256;

    private final CryptoProvider ecdsaProvider;
    private final CryptoProvider rsaProvider;
    private final SignerKeys keys = new SignerKeys(KEY_CACHE_ENTRIES);

    /** A verifier that uses {@code provider} for every algorithm (for measuring and tests). */
    public CadesVerifier(CryptoProvider provider) {
        this.ecdsaProvider = Objects.requireNonNull(provider, "provider");
        this.rsaProvider = provider;
    }

    /**
     * A verifier with the providers chosen by measurement,
     * {@link CryptoProvider#forVerifying(SignatureAlgorithm)}. Build one at start-up and share it.
     */
    public CadesVerifier() {
        this.ecdsaProvider = CryptoProvider.forVerifying(SignatureAlgorithm.ECDSA_P256_SHA256);
        this.rsaProvider = CryptoProvider.forVerifying(SignatureAlgorithm.RSA_SHA256);
    }

    /**
     * Verifies {@code signature} over {@code content}.
     *
     * @throws ZholException {@code MalformedSignature} when it cannot be parsed or has the wrong shape;
     *                       {@code InvalidSignatureValue} when the signature or message-digest does not
     *                       match the content; {@code SignatureVerification} when a required signed
     *                       attribute is missing or wrong (including signing-certificate-v2);
     *                       {@code CertValidation} when the certificate was not valid at signing time
     */
    public VerifiedCms verify(byte[] signature, byte[] content) {
        try {
            return verifyParsed(signature, content);
        } catch (ZholException e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle parses some structures lazily and reports them with unchecked exceptions.
            throw new ZholException(FaultCode.of(ErrorCode.MALFORMED_SIGNATURE), Origin.CLIENT,
                    "The signature cannot be parsed", e);
        }
    }

    private VerifiedCms verifyParsed(byte[] signature, byte[] content) {
        CMSSignedData cms = parse(signature, content);
        SignerInformation signer = onlySigner(cms);
        X509Certificate signerCert = signerCertificate(cms, signer);
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            throw failed("The signature has no signed attributes");
        }
        checkAlgorithms(signer, signerCert);
        checkSigningCertificate(attributes, signerCert);
        Instant signingTime = signingTime(attributes);
        checkSignatureValue(signer, signerCert);
        return new VerifiedCms(signerCert, certificates(cms), ocspResponses(cms), signingTime);
    }

    private static CMSSignedData parse(byte[] signature, byte[] content) {
        if (signature.length > MAX_SIGNATURE_BYTES) {
            throw malformed("The signature is longer than " + MAX_SIGNATURE_BYTES + " bytes");
        }
        try {
            // fromByteArray rejects trailing garbage after the outer structure.
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(signature));
            if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                throw malformed("The signature is not a CMS SignedData");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), info);
            if (!CMSObjectIdentifiers.data.getId().equals(cms.getSignedContentTypeOID())) {
                throw malformed("The signature's content type is not id-data");
            }
            if (new CMSSignedData(info).getSignedContent() != null) {
                throw malformed("The signature must be detached: it carries its content");
            }
            checkEnvelope(SignedData.getInstance(info.getContent()));
            return cms;
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException | ArithmeticException
                | ClassCastException e) {
            throw new ZholException(FaultCode.of(ErrorCode.MALFORMED_SIGNATURE),
                    Origin.CLIENT, "The signature cannot be parsed", e);
        }
    }

    /**
     * Pins the unsigned envelope fields that BouncyCastle does not check, so that no byte of an
     * accepted signature can change without rejection (the certificates and OCSP responses are
     * covered by signing-certificate-v2 and by their own signatures).
     */
    private static void checkEnvelope(SignedData signedData) {
        boolean otherRevocationInfo = false;
        if (signedData.getCRLs() != null) {
            for (ASN1Encodable choice : signedData.getCRLs()) {
                if (choice instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 1) {
                    otherRevocationInfo = true;
                    OtherRevocationInfoFormat other = OtherRevocationInfoFormat.getInstance(tagged, false);
                    if (!CMSObjectIdentifiers.id_ri_ocsp_response.equals(other.getInfoFormat())) {
                        throw malformed("The signature carries revocation information other than OCSP responses");
                    }
                    // BouncyCastle reads any tag where responseBytes [0] belongs and re-encodes it as
                    // [0]; pin the received encoding so an altered tag is not silently repaired.
                    if (!Arrays.equals(derOf(OCSPResponse.getInstance(other.getInfo())), derOf(other.getInfo()))) {
                        throw malformed("An embedded OCSP response is not encoded as RFC 6960 requires");
                    }
                }
            }
        }
        // RFC 5652 §5.1: version 5 exactly when "other" revocation information is present, else 1.
        int expected = otherRevocationInfo ? 5 : 1;
        if (signedData.getVersion().intValueExact() != expected) {
            throw malformed("The SignedData version is not " + expected);
        }
        if (signedData.getDigestAlgorithms().size() != 1
                || !isSha256(AlgorithmIdentifier.getInstance(signedData.getDigestAlgorithms().getObjectAt(0)))) {
            throw malformed("The SignedData digest algorithms are not exactly SHA-256");
        }
        for (ASN1Encodable element : signedData.getSignerInfos()) {
            SignerInfo info = SignerInfo.getInstance(element);
            if (!Arrays.equals(derOf(info), derOf(element))) {
                // BouncyCastle reads any context tag where [0] signed attributes belong; pin the tags.
                throw malformed("The SignerInfo is not encoded as CMS requires");
            }
            int version = info.getSID().isTagged() ? 3 : 1;
            if (info.getVersion().intValueExact() != version || info.getUnauthenticatedAttributes() != null) {
                throw malformed("The SignerInfo version or unsigned attributes are not as CAdES-BES allows");
            }
            if (!isSha256(info.getDigestAlgorithm())) {
                throw malformed("The SignerInfo digest algorithm is not SHA-256");
            }
        }
    }

    private static byte[] derOf(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw malformed("The signature cannot be encoded");
        }
    }

    private static boolean isSha256(AlgorithmIdentifier id) {
        return NISTObjectIdentifiers.id_sha256.equals(id.getAlgorithm())
                && (id.getParameters() == null || DERNull.INSTANCE.equals(id.getParameters()));
    }

    private static SignerInformation onlySigner(CMSSignedData cms) {
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw malformed("The signature must have exactly one signer, not " + signers.size());
        }
        return signers.iterator().next();
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw malformed("The signature does not embed exactly one signer certificate");
        }
        return convert(matches.iterator().next());
    }

    private static void checkAlgorithms(SignerInformation signer, X509Certificate cert) {
        SignatureAlgorithm bound = SignatureAlgorithm.forKey(cert.getPublicKey());
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
            throw failed("The signature's digest algorithm is not SHA-256");
        }
        String oid = signer.getEncryptionAlgOID();
        boolean rsaOk = bound == SignatureAlgorithm.RSA_SHA256
                && (PKCSObjectIdentifiers.rsaEncryption.getId().equals(oid)
                || PKCSObjectIdentifiers.sha256WithRSAEncryption.getId().equals(oid));
        boolean ecOk = bound == SignatureAlgorithm.ECDSA_P256_SHA256
                && bound.algorithmIdentifier().getAlgorithm().getId().equals(oid);
        if (!rsaOk && !ecOk) {
            throw failed("The signature algorithm does not match the signer's key");
        }
    }

    private static void checkSigningCertificate(AttributeTable attributes, X509Certificate cert) {
        ASN1Encodable value = single(attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                "signing-certificate-v2");
        ESSCertIDv2[] ids;
        try {
            ids = SigningCertificateV2.getInstance(value).getCerts();
        } catch (IllegalArgumentException e) {
            throw failed("The signing-certificate-v2 attribute is malformed");
        }
        if (ids.length == 0 || !NISTObjectIdentifiers.id_sha256.equals(ids[0].getHashAlgorithm().getAlgorithm())) {
            throw failed("The signing-certificate-v2 attribute must identify the signer with SHA-256");
        }
        byte[] expected;
        try {
            expected = CadesSigner.sha256(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw malformed("The signer certificate cannot be encoded");
        }
        if (!MessageDigest.isEqual(expected, ids[0].getCertHash())) {
            throw failed("The signing-certificate-v2 attribute does not name the embedded signer certificate");
        }
        if (ids[0].getIssuerSerial() != null
                && !ids[0].getIssuerSerial().getSerial().getValue().equals(cert.getSerialNumber())) {
            throw failed("The signing-certificate-v2 serial does not match the signer certificate");
        }
    }

    private static Instant signingTime(AttributeTable attributes) {
        ASN1Encodable value = single(attributes, CMSAttributes.signingTime, "signing-time");
        try {
            return Time.getInstance(value).getDate().toInstant();
        } catch (IllegalArgumentException e) {
            throw failed("The signing-time attribute is malformed");
        }
    }

    private static ASN1Encodable single(AttributeTable attributes, ASN1ObjectIdentifier type, String name) {
        if (attributes.getAll(type).size() != 1) {
            throw failed("The signature must have exactly one " + name + " attribute");
        }
        Attribute attribute = attributes.get(type);
        if (attribute.getAttrValues().size() != 1) {
            throw failed("The " + name + " attribute must have exactly one value");
        }
        return attribute.getAttrValues().getObjectAt(0);
    }

    private void checkSignatureValue(SignerInformation signer, X509Certificate cert) {
        boolean valid;
        try {
            CryptoProvider provider = SignatureAlgorithm.forKey(cert.getPublicKey())
                    == SignatureAlgorithm.ECDSA_P256_SHA256 ? ecdsaProvider : rsaProvider;
            // BouncyCastle also checks content-type, message-digest, CMS algorithm protection and the
            // certificate's validity at the signing time here.
            valid = signer.verify(keys.verifierFor(cert, provider));
        } catch (CMSSignerDigestMismatchException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_SIGNATURE_VALUE),
                    Origin.CLIENT, "The signed message-digest does not match the content", e);
        } catch (CMSVerifierCertificateNotValidException e) {
            throw ZholException.client(ErrorCode.CERT_VALIDATION,
                    "The signer certificate was not valid at the signing time");
        } catch (CMSException e) {
            throw new ZholException(FaultCode.of(ErrorCode.SIGNATURE_VERIFICATION),
                    Origin.CLIENT, "The signed attributes are inconsistent", e);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_SIGNATURE_VALUE),
                    Origin.CLIENT, "The signature value cannot be checked", e);
        }
        if (!valid) {
            throw ZholException.client(ErrorCode.INVALID_SIGNATURE_VALUE, "The signature value does not verify");
        }
    }

    private static List<X509Certificate> certificates(CMSSignedData cms) {
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            certs.add(convert(holder));
        }
        return certs;
    }

    @SuppressWarnings("unchecked") // BouncyCastle returns a raw Store for other revocation info.
    private static List<byte[]> ocspResponses(CMSSignedData cms) {
        List<byte[]> responses = new ArrayList<>();
        for (Object info : cms.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)) {
            try {
                responses.add(((ASN1Encodable) info).toASN1Primitive().getEncoded("DER"));
            } catch (IOException e) {
                throw malformed("An embedded OCSP response cannot be encoded");
            }
        }
        return responses;
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw malformed("An embedded certificate cannot be parsed");
        }
    }

    private static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_SIGNATURE, detail);
    }

    private static ZholException failed(String detail) {
        return ZholException.client(ErrorCode.SIGNATURE_VERIFICATION, detail);
    }
}
