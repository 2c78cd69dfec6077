// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Makes CAdES-BES detached CMS signatures ({@code SignedData}, content type {@code id-data}, no
 * encapsulated content) over small documents such as a signed manifest or a batch root.
 *
 * <p>Signed attributes: content-type, message-digest (SHA-256), signing-time, signing-certificate-v2
 * (one {@code ESSCertIDv2}, SHA-256, with issuer and serial) and, added by BouncyCastle,
 * CMS algorithm protection (RFC 6211). The signing certificate and the chain certificates are
 * embedded; each OCSP response is embedded as RFC 5940 {@code id-ri-ocsp-response} other revocation
 * information, as CAdES-BASELINE-LT does.
 *
 * <p><b>Limits:</b> the content is held whole; it is meant for documents of a few kilobytes, never for
 * message bodies (sign a manifest of their digests instead).
 *
 * <p><b>Pitfalls:</b> the signing time is truncated to whole seconds, as the CMS {@code UTCTime} holds it.
 * OCSP responses must be successful {@code OCSPResponse} structures, or signing fails.
 */
public final class CadesSigner {

    private final SigningCredentials credentials;

    public CadesSigner(SigningCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Signs {@code content} detached.
     *
     * @param content       the bytes to sign, e.g. a manifest
     * @param signingTime   the claimed signing time (truncated to seconds)
     * @param ocspResponses DER {@code OCSPResponse} structures to embed; may be empty
     * @return the DER {@code ContentInfo} of the {@code SignedData}
     * @throws ZholException {@code CannotCreateSignature} when the CMS cannot be built, or what the
     *                       {@link SigningKey} throws
     */
    public byte[] sign(byte[] content, Instant signingTime, List<byte[]> ocspResponses) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfoGenerator(signingTime.truncatedTo(ChronoUnit.SECONDS)));
            List<X509Certificate> certificates = new ArrayList<>();
            certificates.add(credentials.certificate());
            certificates.addAll(credentials.chain());
            generator.addCertificates(new JcaCertStore(certificates));
            for (byte[] ocsp : ocspResponses) {
                generator.addOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response,
                        OCSPResponse.getInstance(ocsp));
            }
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException
                | IllegalArgumentException e) {
            throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE, "Cannot build the CMS signature", e);
        }
    }

    private SignerInfoGenerator signerInfoGenerator(Instant signingTime)
            throws OperatorCreationException, CertificateEncodingException {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(signingCertificateV2(credentials.certificate()))));
        // JDK SHA-256 for the message digest: it has CPU intrinsics and the content is small anyway.
        return new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new KeyContentSigner(credentials.key()), new JcaX509CertificateHolder(credentials.certificate()));
    }

    /** The ESS signing-certificate-v2 attribute value binding {@code certificate} (SHA-256). */
    static SigningCertificateV2 signingCertificateV2(X509Certificate certificate)
            throws CertificateEncodingException {
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        return new SigningCertificateV2(new ESSCertIDv2(sha256(certificate.getEncoded()), issuerSerial));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Adapts the one-verb {@link SigningKey} to BouncyCastle's {@link ContentSigner}. */
    private static final class KeyContentSigner implements ContentSigner {
        private final SigningKey key;
        private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream(512);

        KeyContentSigner(SigningKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return key.algorithm().algorithmIdentifier();
        }

        @Override
        public OutputStream getOutputStream() {
            return toBeSigned;
        }

        @Override
        public byte[] getSignature() {
            return key.sign(toBeSigned.toByteArray());
        }
    }
}
