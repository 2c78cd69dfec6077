// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.cert.CertificateProfile;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * The default token: one PKCS#12 file per key under {@code keys/} in its directory, each holding the
 * key and its certificate and protected by the token PIN, and a JSON index ({@code keys.json}) of
 * roles, members and labels. {@code token.p12}, an empty PKCS#12 store, lets {@link #open} check the
 * PIN before any key exists.
 *
 * <p><b>Pitfalls:</b> while open, the private keys and a copy of the PIN (to protect new key files)
 * are in memory; {@link #close} zeroes the PIN and drops the keys (the JDK cannot zero a
 * {@code PrivateKey}). A wrong PIN leaves the token locked.
 */
public final class SoftwareToken implements Token {

    static final String PIN_CHECK_FILE = "token.p12";
    static final String KEYS_DIRECTORY = "keys";
    private static final String ALIAS = "key";

    private final TokenConfig.Software config;
    private final KeyIndexFile index;
    private final CertificateImport imports;
    private final TokenCrypto crypto = new TokenCrypto(Optional.empty());
    private final KeyOperations operations;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile KeyRing ring;
    private char[] pin;

    /** A locked token over {@code config}'s directory; nothing is read until {@link #open}. */
    public SoftwareToken(TokenConfig.Software config, CertificateProfile profile) {
        this.config = Objects.requireNonNull(config, "config");
        this.index = new KeyIndexFile(config.directory());
        this.imports = new CertificateImport(Objects.requireNonNull(profile, "profile"));
        this.operations = new KeyOperations(config.id(), () -> ring, crypto);
    }

    @Override
    public String id() {
        return config.id();
    }

    /** Whether {@code token.p12} exists, i.e. a first {@link #open} has set the PIN. */
    @Override
    public boolean initialised() {
        return Files.exists(config.directory().resolve(PIN_CHECK_FILE));
    }

    @Override
    public void open(PinSource pinSource) {
        lock.lock();
        try {
            close();
            char[] candidate = pinSource.pin();
            try {
                checkPin(candidate);
                ring = new KeyRing(loadKeys(candidate));
                pin = candidate;
            } catch (RuntimeException e) {
                Arrays.fill(candidate, '\0');
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            ring = null;
            if (pin != null) {
                Arrays.fill(pin, '\0');
                pin = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<KeyInfo> keys() {
        return operations.keys();
    }

    @Override
    public KeyInfo generateKey(KeyRole role, Optional<MemberId> member, String label) {
        KeyInfo.checkMember(role, member);
        Objects.requireNonNull(label, "label");
        lock.lock();
        try {
            KeyRing current = operations.ring();
            String keyId = TokenCrypto.newKeyId();
            KeyPair pair = crypto.generateKeyPair(config.keyAlgorithm());
            X509Certificate placeholder = crypto.placeholder(keyId, pair.getPrivate(), pair.getPublic());
            KeyInfo info = new KeyInfo(keyId, role, member, label, SignatureAlgorithm.forKey(pair.getPublic()),
                    pair.getPublic(), List.of(), config.id());
            writeKeyFile(keyId, pair.getPrivate(), placeholder);
            KeyRing next = current.with(new LoadedKey(info, pair.getPrivate()));
            writeIndex(next);
            ring = next;
            return info;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte[] certificationRequest(String keyId, X500Name subject) {
        return operations.certificationRequest(keyId, subject);
    }

    @Override
    public KeyInfo importCertificate(byte[] der) {
        X509Certificate certificate = CertificateImport.parse(der);
        lock.lock();
        try {
            LoadedKey key = imports.check(operations.ring(), certificate);
            writeKeyFile(key.info().keyId(), key.privateKey(), certificate);
            KeyInfo info = key.info().withCertificate(certificate);
            ring = operations.ring().with(new LoadedKey(info, key.privateKey()));
            return info;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SigningKey signingKey(String keyId) {
        return operations.signingKey(keyId);
    }

    @Override
    public PrivateKey tlsKey(String keyId) {
        return operations.tlsKey(keyId);
    }

    @Override
    public byte[] signDigest(String keyId, byte[] digest) {
        return operations.signDigest(keyId, digest);
    }

    /** Loads {@code token.p12} with {@code candidate}, creating it on first use. */
    private void checkPin(char[] candidate) {
        Path file = config.directory().resolve(PIN_CHECK_FILE);
        if (!Files.exists(file)) {
            write(file, emptyStore(), candidate);
            return;
        }
        load(file, candidate);
    }

    private List<LoadedKey> loadKeys(char[] candidate) {
        List<LoadedKey> keys = new ArrayList<>();
        for (KeyIndexFile.Entry entry : index.read()) {
            KeyStore store = load(keyFile(entry.keyId()), candidate);
            try {
                PrivateKey privateKey = (PrivateKey) store.getKey(ALIAS, candidate);
                X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
                if (privateKey == null || certificate == null) {
                    throw ZholException.internal(ErrorCode.KEY_NOT_FOUND,
                            "The key file of " + entry.keyId() + " holds no key", null);
                }
                List<X509Certificate> certificates = TokenCrypto.isPlaceholder(certificate)
                        ? List.of() : List.of(certificate);
                KeyInfo info = new KeyInfo(entry.keyId(), entry.role(), entry.member(), entry.label(),
                        SignatureAlgorithm.forKey(certificate.getPublicKey()), certificate.getPublicKey(),
                        certificates, config.id());
                keys.add(new LoadedKey(info, privateKey));
            } catch (GeneralSecurityException | ClassCastException e) {
                throw ZholException.internal(ErrorCode.KEY_NOT_FOUND,
                        "Cannot read the key of " + entry.keyId(), e);
            }
        }
        return keys;
    }

    private void writeKeyFile(String keyId, PrivateKey privateKey, X509Certificate certificate) {
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(ALIAS, privateKey, pin, new Certificate[] {certificate});
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot store the key " + keyId, e);
        }
        write(keyFile(keyId), store, pin);
    }

    private void writeIndex(KeyRing next) {
        index.write(next.infos().stream()
                .map(info -> new KeyIndexFile.Entry(info.keyId(), info.role(), info.member(), info.label()))
                .toList());
    }

    private Path keyFile(String keyId) {
        return config.directory().resolve(KEYS_DIRECTORY).resolve(keyId + ".p12");
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "The JDK has no PKCS12 key store", e);
        }
    }

    private static KeyStore load(Path file, char[] candidate) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, candidate);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw ZholException.client(ErrorCode.PIN_INCORRECT,
                        "The PIN is incorrect; the token stays locked");
            }
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read " + file, e);
        }
    }

    private static void write(Path file, KeyStore store, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            KeyIndexFile.writeAtomically(file, out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "SoftwareToken[" + config.id() + ", " + (ring == null ? "locked" : "open") + "]";
    }
}
