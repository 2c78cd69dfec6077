// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.files.DurableFiles;

/**
 * The security server's internal TLS key: what the IS-facing HTTPS listener presents. It is an EC P-256
 * key with a self-signed certificate (20 years, names {@code localhost}, {@code 127.0.0.1} and {@code ::1}),
 * made once in {@code <dataDir>/tls} ({@value #CERTIFICATE_FILE}, {@value #KEY_FILE}; the key readable by
 * its owner only), at {@code init} or at the first start of a data directory without one. Information
 * systems that use HTTPS pin this certificate; an operator may replace both files with a key and
 * certificate of their own (PKCS#8 EC or RSA key, PEM) and restart.
 */
public final class InternalTls {

    /** The directory in the data directory. */
    public static final String DIRECTORY = "tls";
    /** The certificate file, PEM. */
    public static final String CERTIFICATE_FILE = "internal.crt";
    /** The private key file, PKCS#8 PEM, owner-only. */
    public static final String KEY_FILE = "internal.key";

    private final Path directory;

    /** @param directory the TLS directory, {@code <dataDir>/tls} */
    public InternalTls(Path directory) {
        this.directory = directory;
    }

    /** Makes the key and certificate unless both exist. */
    public void ensure() {
        if (Files.exists(directory.resolve(CERTIFICATE_FILE)) && Files.exists(directory.resolve(KEY_FILE))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(keys);
            Path key = directory.resolve(KEY_FILE);
            DurableFiles.write(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            ownerOnly(key);
            DurableFiles.write(directory.resolve(CERTIFICATE_FILE), pem("CERTIFICATE", certificate.getEncoded()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot create the internal TLS key in " + directory, e);
        }
    }

    /** The certificate. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(directory.resolve(CERTIFICATE_FILE))));
        } catch (IOException | GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the internal TLS certificate", e);
        }
    }

    /** The HTTPS listener's context ({@link IsTls#server}), made first when missing. */
    public SslContext serverContext() {
        ensure();
        X509Certificate certificate = certificate();
        return IsTls.server(privateKey(certificate.getPublicKey().getAlgorithm()), List.of(certificate));
    }

    private PrivateKey privateKey(String algorithm) {
        try {
            String text = Files.readString(directory.resolve(KEY_FILE), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the internal TLS key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) throws IOException, OperatorCreationException,
            GeneralSecurityException {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        X500Name name = new X500Name("CN=Zhol security server internal TLS, O=Zhol");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(from),
                Date.from(from.plus(Duration.ofDays(20 * 365))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static byte[] pem(String label, byte[] der) {
        return ("-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Deviation: without POSIX permissions the data directory's own ACL protects the key.
        }
    }
}
