// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
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
import java.util.ArrayList;
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
import org.zhol.server.files.DurableFiles;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The registration listener's TLS identity: an EC P-256 key with a self-signed certificate, made once
 * (at {@code init}, or at the first start of an older data directory) in {@code dataDir/tls}. Security
 * servers pin this certificate by its SHA-256 (admin API {@code GET /registration-tls}, the CLI
 * {@code registration-tls}); the requests themselves are authenticated by their signatures, so TLS adds
 * confidentiality and binds the answers to this server.
 *
 * <p>The certificate names {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the listener's host
 * when it is not a wildcard address, and is valid for 20 years. The key file is readable by its owner
 * only.
 */
public final class RegistrationTls {

    /** The certificate file, PEM. */
    public static final String CERTIFICATE_FILE = "registration.crt";
    /** The private key file, PKCS#8 PEM, owner-only. */
    public static final String KEY_FILE = "registration.key";

    private final Path directory;
    private final String host;

    /**
     * @param directory the TLS directory, {@code dataDir/tls}
     * @param host      the listener's host, added to the certificate's names unless it is a wildcard
     */
    public RegistrationTls(Path directory, String host) {
        this.directory = directory;
        this.host = host;
    }

    /** Makes the key and certificate unless they exist. */
    public void ensure() {
        if (Files.exists(directory.resolve(CERTIFICATE_FILE)) && Files.exists(directory.resolve(KEY_FILE))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X509Certificate cert = selfSigned(keys, Instant.now());
            Path key = directory.resolve(KEY_FILE);
            DurableFiles.write(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            restrict(key);
            DurableFiles.write(directory.resolve(CERTIFICATE_FILE), pem("CERTIFICATE", cert.getEncoded()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot create the registration TLS key in " + directory, e);
        }
    }

    /** The certificate. */
    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(directory.resolve(CERTIFICATE_FILE))));
        } catch (IOException | GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the registration TLS certificate", e);
        }
    }

    /** The server TLS context (TLS 1.2 and 1.3, no client certificates). */
    public SslContext serverContext() {
        ensure();
        try {
            String text = Files.readString(directory.resolve(KEY_FILE), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            return SslContextBuilder.forServer(key, certificate()).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (IOException | GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot load the registration TLS key", e);
        }
    }

    private X509Certificate selfSigned(KeyPair keys, Instant now)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        X500Name subject = new X500Name("CN=Zhol central server registration, O=Zhol");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(63, new SecureRandom()).add(BigInteger.ONE), Date.from(from),
                Date.from(from.plus(Duration.ofDays(20 * 365))), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private GeneralName[] names() {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        if (!host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::") && !host.equals("127.0.0.1")
                && !host.equals("localhost")) {
            boolean ip = host.contains(":") || host.matches("[0-9.]+");
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return names.toArray(GeneralName[]::new);
    }

    private static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Deviation: on file systems without POSIX permissions the data directory's own ACL protects it.
        }
    }
}
