// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The dev TSA's key, certificates and serial counter, kept as files in one directory. On first use it
 * makes an EC P-256 root, issues the TSA certificate (critical extended key usage timeStamping) and
 * forgets the root's private key, so nothing can issue more under that root.
 */
record DevTsaMaterial(X509Certificate rootCertificate, X509Certificate certificate, PrivateKey privateKey) {

    static final String ROOT_CERT_FILE = "tsaroot.pem";
    static final String CERT_FILE = "tsa.pem";
    static final String KEY_FILE = "tsa-key.pem";
    static final String SERIAL_FILE = "serial";

    @Override
    public String toString() {
        return "DevTsaMaterial[" + certificate.getSubjectX500Principal() + "]";
    }

    /** Loads the material from {@code dir}, creating it there first if it is missing. */
    static DevTsaMaterial loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!Files.exists(dir.resolve(KEY_FILE))) {
            create(dir);
        }
        return new DevTsaMaterial(readCertificate(dir.resolve(ROOT_CERT_FILE)), readCertificate(dir.resolve(CERT_FILE)),
                readKey(dir.resolve(KEY_FILE)));
    }

    /** The last serial number used, 0 when none. */
    static BigInteger readSerial(Path dir) throws IOException {
        Path file = dir.resolve(SERIAL_FILE);
        return Files.exists(file) ? new BigInteger(Files.readString(file).trim()) : BigInteger.ZERO;
    }

    /** Persists {@code serial} as the last one used, atomically. */
    static void writeSerial(Path dir, BigInteger serial) throws IOException {
        Path tmp = dir.resolve(SERIAL_FILE + ".tmp");
        Files.writeString(tmp, serial + "\n");
        Files.move(tmp, dir.resolve(SERIAL_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void create(Path dir) throws IOException {
        try {
            KeyPair root = ecKeyPair();
            KeyPair tsa = ecKeyPair();
            X500Name rootName = new X500Name("CN=Zhol Dev TSA Root, O=Zhol dev");
            Instant now = Instant.now().minus(Duration.ofHours(1));
            X509Certificate rootCert = issue(rootName, rootName, root.getPublic(), root, now, Duration.ofDays(3650),
                    true);
            X509Certificate tsaCert = issue(new X500Name("CN=Zhol Dev TSA, O=Zhol dev"), rootName, tsa.getPublic(), root,
                    now, Duration.ofDays(1825), false);
            writePrivate(dir.resolve(KEY_FILE), pem(new JcaPKCS8Generator(tsa.getPrivate(), null).generate()));
            Files.writeString(dir.resolve(ROOT_CERT_FILE), pem(rootCert));
            Files.writeString(dir.resolve(CERT_FILE), pem(tsaCert));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the dev TSA's keys", e);
        }
    }

    private static X509Certificate issue(X500Name subject, X500Name issuer, PublicKey key, KeyPair issuerKeys,
            Instant notBefore, Duration validity, boolean ca) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()).setBit(63), Date.from(notBefore),
                Date.from(notBefore.plus(validity)), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, "", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not a PEM certificate: " + file, e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        } catch (ClassCastException | UncheckedIOException e) {
            throw new IOException("not a PKCS#8 PEM key: " + file, e);
        }
    }
}
