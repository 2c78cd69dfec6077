// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.cert.CertificateProfile;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * A PKCS#11 token (an HSM, a smart card, SoftHSM2) through the JDK's SunPKCS11. Keys are generated on
 * the token as sensitive, non-extractable token objects; their certificates are stored on the token
 * too (key store alias = CKA_LABEL = CKA_ID = the key id). Roles, members and labels live in
 * {@code keys.json} in the configured state directory.
 *
 * <p>The SunPKCS11 provider instance belongs to this object: it is configured at the first
 * {@link #open} and this object uses it only through explicit {@code getInstance(…, provider)} calls. It
 * is also installed, last in the provider list ({@code Security.addProvider}, replacing an earlier
 * instance of the same name), because the TLS handshake signs with an authentication key through JSSE,
 * whose delayed provider selection looks only at installed providers. Being last, it is chosen only for
 * its own keys.
 *
 * <p><b>Pitfalls:</b> a PKCS#11 key store keeps a private key only with a certificate, so a new key
 * gets a self-signed placeholder certificate, replaced by {@link #importCertificate} and never
 * reported. PKCS#11 login state belongs to the process, not to a provider: {@link #open} logs out
 * first so that the PIN is always checked, which also logs out any other object over the same slot;
 * use one token object per slot. Keys on the token that the index does not name are ignored.
 */
public final class Pkcs11Token implements Token {

    private final TokenConfig.Pkcs11 config;
    private final KeyIndexFile index;
    private final CertificateImport imports;
    private final ReentrantLock lock = new ReentrantLock();
    private Provider provider;
    private TokenCrypto crypto;
    private KeyOperations operations;
    private KeyStore store;
    private volatile KeyRing ring;

    /** A locked token; the PKCS#11 module is not loaded until {@link #open}. */
    public Pkcs11Token(TokenConfig.Pkcs11 config, CertificateProfile profile) {
        this.config = Objects.requireNonNull(config, "config");
        this.index = new KeyIndexFile(config.stateDirectory());
        this.imports = new CertificateImport(Objects.requireNonNull(profile, "profile"));
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public void open(PinSource pinSource) {
        lock.lock();
        try {
            close();
            configureProvider();
            logout(); // another object over this slot may have logged the process in: check the PIN anew
            char[] pin = pinSource.pin();
            try {
                KeyStore candidate = KeyStore.getInstance("PKCS11", provider);
                candidate.load(null, pin);
                ring = new KeyRing(loadKeys(candidate));
                store = candidate;
            } catch (IOException e) {
                throw loginFailure(e);
            } catch (GeneralSecurityException e) {
                logout();
                throw ZholException.internal(ErrorCode.LOGIN_FAILED, "Token '" + id() + "' cannot be opened", e);
            } catch (RuntimeException e) {
                logout();
                throw e;
            } finally {
                Arrays.fill(pin, '\0');
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
            store = null;
            logout();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<KeyInfo> keys() {
        return operations().keys();
    }

    @Override
    public KeyInfo generateKey(KeyRole role, Optional<MemberId> member, String label) {
        KeyInfo.checkMember(role, member);
        Objects.requireNonNull(label, "label");
        lock.lock();
        try {
            KeyRing current = operations().ring();
            String keyId = TokenCrypto.newKeyId();
            KeyPair pair = crypto.generateKeyPair(config.keyAlgorithm());
            X509Certificate placeholder = crypto.placeholder(keyId, pair.getPrivate(), pair.getPublic());
            PrivateKey stored = storeEntry(keyId, pair.getPrivate(), placeholder);
            KeyInfo info = new KeyInfo(keyId, role, member, label, SignatureAlgorithm.forKey(placeholder.getPublicKey()),
                    placeholder.getPublicKey(), List.of(), config.id());
            KeyRing next = current.with(new LoadedKey(info, stored));
            index.write(next.infos().stream()
                    .map(k -> new KeyIndexFile.Entry(k.keyId(), k.role(), k.member(), k.label())).toList());
            ring = next;
            return info;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte[] certificationRequest(String keyId, X500Name subject) {
        return operations().certificationRequest(keyId, subject);
    }

    @Override
    public KeyInfo importCertificate(byte[] der) {
        X509Certificate certificate = CertificateImport.parse(der);
        lock.lock();
        try {
            LoadedKey key = imports.check(operations().ring(), certificate);
            PrivateKey stored = storeEntry(key.info().keyId(), key.privateKey(), certificate);
            KeyInfo info = key.info().withCertificate(certificate);
            ring = operations().ring().with(new LoadedKey(info, stored));
            return info;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SigningKey signingKey(String keyId) {
        return operations().signingKey(keyId);
    }

    @Override
    public PrivateKey tlsKey(String keyId) {
        return operations().tlsKey(keyId);
    }

    @Override
    public byte[] signDigest(String keyId, byte[] digest) {
        return operations().signDigest(keyId, digest);
    }

    private KeyOperations operations() {
        KeyOperations current = operations;
        if (current == null) {
            throw ZholException.client(ErrorCode.TOKEN_NOT_ACTIVE,
                    "Token '" + id() + "' is locked: log in with its PIN first");
        }
        return current;
    }

    private void configureProvider() {
        if (provider != null) {
            return;
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw ZholException.internal(ErrorCode.TOKEN_NOT_FOUND, "This JDK has no SunPKCS11 provider", null);
        }
        try {
            provider = base.configure(config.providerConfiguration());
        } catch (RuntimeException e) {
            // SunPKCS11 reports a missing library or slot as an InvalidParameterException/ProviderException.
            throw ZholException.internal(ErrorCode.TOKEN_NOT_FOUND, "Token '" + id() + "': cannot load "
                    + config.library() + " or find its slot", e);
        }
        // Deviation: JVM-wide state, which JSSE needs to sign a handshake with a key on this token.
        Security.removeProvider(provider.getName());
        Security.addProvider(provider);
        crypto = new TokenCrypto(Optional.of(provider));
        operations = new KeyOperations(config.id(), () -> ring, crypto);
    }

    private List<LoadedKey> loadKeys(KeyStore candidate) throws GeneralSecurityException {
        List<LoadedKey> keys = new ArrayList<>();
        for (KeyIndexFile.Entry entry : index.read()) {
            PrivateKey privateKey = (PrivateKey) candidate.getKey(entry.keyId(), null);
            X509Certificate certificate = (X509Certificate) candidate.getCertificate(entry.keyId());
            if (privateKey == null || certificate == null) {
                throw ZholException.internal(ErrorCode.KEY_NOT_FOUND,
                        "Key " + entry.keyId() + " of the index is not on token '" + id() + "'", null);
            }
            List<X509Certificate> certificates = TokenCrypto.isPlaceholder(certificate)
                    ? List.of() : List.of(certificate);
            keys.add(new LoadedKey(new KeyInfo(entry.keyId(), entry.role(), entry.member(), entry.label(),
                    SignatureAlgorithm.forKey(certificate.getPublicKey()), certificate.getPublicKey(), certificates,
                    config.id()), privateKey));
        }
        return keys;
    }

    /** Stores the key with {@code certificate} under {@code keyId}; returns the key's token handle. */
    private PrivateKey storeEntry(String keyId, PrivateKey privateKey, X509Certificate certificate) {
        try {
            store.setKeyEntry(keyId, privateKey, null, new Certificate[] {certificate});
            return (PrivateKey) store.getKey(keyId, null);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN,
                    "Token '" + id() + "' cannot store key " + keyId, e);
        }
    }

    private ZholException loginFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FailedLoginException) {
                return ZholException.client(ErrorCode.PIN_INCORRECT,
                        "The PIN of token '" + id() + "' is incorrect; the token stays locked");
            }
            if (String.valueOf(cause.getMessage()).contains("CKR_PIN_LOCKED")) {
                return ZholException.client(ErrorCode.LOGIN_FAILED,
                        "The PIN of token '" + id() + "' is locked on the token; unlock it with the SO PIN");
            }
        }
        return ZholException.internal(ErrorCode.LOGIN_FAILED, "Cannot log in to token '" + id() + "'", e);
    }

    private void logout() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // Not logged in, or the token is gone: either way it is locked now.
            }
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Token[" + config.id() + ", " + config.library() + ", " + (ring == null ? "locked" : "open") + "]";
    }
}
