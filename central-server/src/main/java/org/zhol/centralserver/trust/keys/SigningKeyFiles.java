// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.server.files.DurableFiles;

/**
 * Makes configuration signing keys (EC P-256 with a self-signed certificate) and keeps each in its own
 * password-protected PKCS#12 file.
 *
 * <p>Self-signed, not issued by an instance root: anchors pin the signer certificates themselves and the
 * verifier builds no path, so a root would be one more key to guard with nothing to verify against it.
 */
final class SigningKeyFiles {

    private static final String ALIAS = "config-signing";

    private final Path directory;
    private final KeyStorePassword password;
    private final SecureRandom random = new SecureRandom();

    SigningKeyFiles(Path directory, KeyStorePassword password) {
        this.directory = directory;
        this.password = password;
    }

    /** A new key with a certificate valid from an hour before {@code now} for {@code validity}. */
    ConfigurationSigningKey generate(String instance, int number, Instant now, Duration validity) {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot generate a configuration signing key", e);
        }
        Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        String subject = "CN=" + instance + " configuration signing key " + number + ", O=Zhol";
        X509Certificate cert = SigningCertificates.selfSigned(keys, subject, from, from.plus(validity), random);
        return new ConfigurationSigningKey(keys.getPrivate(), cert);
    }

    /** Writes {@code key} to {@code fileName} durably. */
    void store(String fileName, ConfigurationSigningKey key) {
        char[] secret = password.chars();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key.privateKey(), secret, new Certificate[] {key.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, secret);
            DurableFiles.write(directory.resolve(fileName), out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot store configuration signing key " + fileName, e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * Reads the key in {@code fileName} and checks that it belongs to {@code expected}.
     *
     * @throws ZholException {@code LoginFailed} for a wrong password, {@code KeyNotFound} when the file is
     *                       missing or holds another key
     */
    ConfigurationSigningKey load(String fileName, X509Certificate expected) {
        Path file = directory.resolve(fileName);
        char[] secret = password.chars();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Files.readAllBytes(file)), secret);
            if (!(store.getKey(ALIAS, secret) instanceof PrivateKey key)
                    || !expected.equals(store.getCertificate(ALIAS))) {
                throw ZholException.internal(ErrorCode.KEY_NOT_FOUND, "Key file " + fileName
                        + " does not hold the key that the key state lists", null);
            }
            return new ConfigurationSigningKey(key, expected);
        } catch (java.nio.file.NoSuchFileException e) {
            throw ZholException.internal(ErrorCode.KEY_NOT_FOUND, "Key file " + fileName + " is missing", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw ZholException.internal(ErrorCode.LOGIN_FAILED, "Cannot open key file " + fileName
                        + ": wrong key store password", e);
            }
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read key file " + fileName, e);
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.LOGIN_FAILED, "Cannot open key file " + fileName, e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
