// SPDX-License-Identifier: MIT
package org.zhol.protocol.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test-time PKI built with BouncyCastle: a root CA that issues certificates with the key usages a
 * test asks for. Nothing is committed as a key file; every run makes fresh keys.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh RSA-2048 key pair. */
    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JCA signature algorithm that suits a key: SHA256withECDSA or SHA256withRSA. */
    public static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** The PEM text of a certificate or a private key (PKCS#8), e.g. to hand to {@code openssl}. */
    public static String pem(Object certificateOrKey) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(text)) {
            writer.writeObject(certificateOrKey instanceof PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : certificateOrKey);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** A self-signed root CA, valid from an hour ago for ten years. */
    public static Issuer rootCa(String subjectDn) {
        KeyPair keys = ecKeyPair();
        Spec spec = Spec.ca(subjectDn);
        X509Certificate cert = sign(spec, keys.getPublic(), new X500Name(subjectDn), keys.getPrivate(), null,
                BigInteger.ONE);
        return new Issuer(cert, keys.getPrivate());
    }

    /**
     * What a certificate should say.
     *
     * @param subjectDn    e.g. {@code CN=Tax Board, O=GOV, serialNumber=DEV/GOV/2002}
     * @param keyUsage     a {@link KeyUsage} bit mask, or 0 for none
     * @param extendedUses extended key usages, e.g. {@link KeyPurposeId#id_kp_clientAuth}
     * @param ca           whether it is a CA certificate
     * @param ocspNoCheck  whether to add id-pkix-ocsp-nocheck (for a delegated OCSP responder)
     * @param notBefore    start of validity
     * @param validity     length of validity
     */
    public record Spec(String subjectDn, int keyUsage, List<KeyPurposeId> extendedUses, boolean ca,
            boolean ocspNoCheck, Instant notBefore, Duration validity) {

        public static Spec ca(String subjectDn) {
            return new Spec(subjectDn, KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(), true, false,
                    Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(3650));
        }

        /** An authentication (TLS) certificate: digitalSignature, keyEncipherment, clientAuth, serverAuth. */
        public static Spec auth(String subjectDn) {
            return new Spec(subjectDn, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                    List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth), false, false,
                    Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
        }

        /** A signing certificate: nonRepudiation. */
        public static Spec sign(String subjectDn) {
            return new Spec(subjectDn, KeyUsage.nonRepudiation, List.of(), false, false,
                    Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
        }

        /** A delegated OCSP responder certificate: OCSPSigning with id-pkix-ocsp-nocheck. */
        public static Spec ocspResponder(String subjectDn) {
            return new Spec(subjectDn, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_OCSPSigning), false,
                    true, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
        }

        /** A time-stamping certificate: critical timeStamping extended key usage. */
        public static Spec tsa(String subjectDn) {
            return new Spec(subjectDn, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                    List.of(KeyPurposeId.id_kp_timeStamping), false, false,
                    Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
        }

        public Spec withValidity(Instant newNotBefore, Duration newValidity) {
            return new Spec(subjectDn, keyUsage, extendedUses, ca, ocspNoCheck, newNotBefore, newValidity);
        }
    }

    /** A CA that can issue certificates. */
    public record Issuer(X509Certificate certificate, PrivateKey privateKey) {

        private static final AtomicLong SERIALS = new AtomicLong(1000);

        /** Issues a certificate for {@code subjectKey}. */
        public X509Certificate issue(Spec spec, PublicKey subjectKey) {
            return sign(spec, subjectKey, X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    privateKey, certificate, BigInteger.valueOf(SERIALS.incrementAndGet()));
        }

        /** An intermediate CA under this one. */
        public Issuer intermediate(String subjectDn) {
            KeyPair keys = ecKeyPair();
            return new Issuer(issue(Spec.ca(subjectDn), keys.getPublic()), keys.getPrivate());
        }
    }

    private static X509Certificate sign(Spec spec, PublicKey subjectKey, X500Name issuerName, PrivateKey issuerKey,
            X509Certificate issuerCert, BigInteger serial) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(spec.notBefore()), Date.from(spec.notBefore().plus(spec.validity())),
                    new X500Name(spec.subjectDn()), subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.ca()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                    ? ext.createAuthorityKeyIdentifier(subjectKey) : ext.createAuthorityKeyIdentifier(issuerCert));
            if (spec.keyUsage() != 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
            }
            if (!spec.extendedUses().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, spec.extendedUses().contains(
                        KeyPurposeId.id_kp_timeStamping),
                        new ExtendedKeyUsage(spec.extendedUses().toArray(KeyPurposeId[]::new)));
            }
            if (spec.ocspNoCheck()) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }
}
