// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The files of a {@link DevCa}'s directory:
 * <ul>
 *   <li>{@code ca.p12}: the CA key and certificate;</li>
 *   <li>{@code ca.pem}: the CA certificate, for tools such as {@code openssl};</li>
 *   <li>{@code ocsp-responder.p12}: the delegated OCSP responder's key and certificate;</li>
 *   <li>{@code issued/SERIAL.pem}: each issued certificate (serial in hex);</li>
 *   <li>{@code index.tsv}: one line per issued certificate: serial (hex), role, revocation time
 *       (ISO-8601) or {@code -}, CRLReason or {@code -}. Rewritten whole, atomically, on change.</li>
 * </ul>
 * The PKCS#12 files are protected by the fixed password {@link #PASSWORD}.
 */
final class DevCaStore {

    /** The fixed password of the dev key stores: this is a development CA. */
    static final String PASSWORD = "zhol-dev";

    private static final String ALIAS = "key";

    private final Path directory;

    DevCaStore(Path directory) {
        this.directory = directory;
    }

    Path caFile() {
        return directory.resolve("ca.p12");
    }

    Path responderFile() {
        return directory.resolve("ocsp-responder.p12");
    }

    Optional<DevCredential> loadCredential(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return Optional.of(new DevCredential((X509Certificate) store.getCertificate(ALIAS),
                    (PrivateKey) store.getKey(ALIAS, PASSWORD.toCharArray())));
        } catch (IOException | GeneralSecurityException e) {
            throw failure("Cannot read " + file, e);
        }
    }

    void saveCredential(Path file, DevCredential credential, List<X509Certificate> chain) {
        try {
            Files.createDirectories(directory);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, credential.privateKey(), PASSWORD.toCharArray(),
                    chain.toArray(Certificate[]::new));
            Path temp = Files.createTempFile(directory, "store", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, PASSWORD.toCharArray());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw failure("Cannot write " + file, e);
        }
    }

    List<IssuedCertificate> loadIssued() {
        Path index = directory.resolve("index.tsv");
        if (!Files.exists(index)) {
            return List.of();
        }
        try {
            List<IssuedCertificate> issued = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                X509Certificate cert;
                try (InputStream in = Files.newInputStream(certFile(new BigInteger(f[0], 16)))) {
                    cert = (X509Certificate) factory.generateCertificate(in);
                }
                Optional<IssuedCertificate.Revocation> revocation = "-".equals(f[2]) ? Optional.empty()
                        : Optional.of(new IssuedCertificate.Revocation(Instant.parse(f[2]), Integer.parseInt(f[3])));
                issued.add(new IssuedCertificate(cert, CertificateRole.valueOf(f[1]), revocation));
            }
            return issued;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw failure("Cannot read " + index, e);
        }
    }

    void saveIssued(Collection<IssuedCertificate> issued) {
        StringBuilder out = new StringBuilder();
        for (IssuedCertificate cert : issued) {
            out.append(cert.certificate().getSerialNumber().toString(16)).append('\t').append(cert.role().name())
                    .append('\t').append(cert.revocation().map(r -> r.time().toString()).orElse("-"))
                    .append('\t').append(cert.revocation().map(r -> Integer.toString(r.reason())).orElse("-"))
                    .append('\n');
        }
        try {
            Path temp = Files.createTempFile(directory, "index", ".tmp");
            Files.writeString(temp, out, StandardCharsets.UTF_8);
            Files.move(temp, directory.resolve("index.tsv"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("Cannot write the index of " + directory, e);
        }
    }

    void saveCertificate(X509Certificate certificate) {
        try {
            Files.createDirectories(directory.resolve("issued"));
            Files.writeString(certFile(certificate.getSerialNumber()), pem(certificate), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw failure("Cannot write an issued certificate", e);
        }
    }

    /** Writes {@code certificate} as PEM to {@code name} in the directory, e.g. {@code ca.pem}. */
    Path savePem(String name, X509Certificate certificate) {
        Path file = directory.resolve(name);
        try {
            Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw failure("Cannot write " + file, e);
        }
        return file;
    }

    private Path certFile(BigInteger serial) {
        return directory.resolve("issued").resolve(serial.toString(16) + ".pem");
    }

    /** PEM text of a certificate, key or other object BouncyCastle can write. */
    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw failure("Cannot write PEM", e);
        }
        return text.toString();
    }

    private static ZholException failure(String detail, Exception cause) {
        return ZholException.internal(ErrorCode.IO_ERROR, detail, cause);
    }
}
