// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The key operations of a token, run by one JCA provider: the JDK's for the software token, the
 * token's own SunPKCS11 instance for PKCS#11. The provider is passed, never installed globally.
 */
final class TokenCrypto {

    /** The subject prefix of the self-signed placeholder certificate a key carries until an import. */
    static final String PLACEHOLDER_CN = "zhol-placeholder-";
    private static final int SHA256_LENGTH = 32;

    private final Optional<Provider> provider;

    TokenCrypto(Optional<Provider> provider) {
        this.provider = provider;
    }

    /** A fresh key id: 20 random lower-case hex digits. */
    static String newKeyId() {
        byte[] bytes = new byte[10];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    KeyPair generateKeyPair(KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = provider.isPresent()
                    ? KeyPairGenerator.getInstance(algorithm.jcaName(), provider.get())
                    : KeyPairGenerator.getInstance(algorithm.jcaName());
            generator.initialize(algorithm.spec(), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "The token cannot generate a key", e);
        }
    }

    /** Signs {@code data} with SHA-256 inside, as {@code SigningKey.sign} does. */
    byte[] sign(PrivateKey key, SignatureAlgorithm algorithm, byte[] data) {
        return run(key, algorithm.jcaName(), data);
    }

    /**
     * Signs a SHA-256 digest: {@code NONEwithECDSA} over the digest itself, or {@code NONEwithRSA}
     * (PKCS#1 v1.5 padding) over its DER {@code DigestInfo}, so the result equals a SHA256withRSA
     * signature of the original data.
     */
    byte[] signDigest(PrivateKey key, SignatureAlgorithm algorithm, byte[] digest) {
        if (digest == null || digest.length != SHA256_LENGTH) {
            throw ZholException.of(ErrorCode.CANNOT_SIGN, Origin.CLIENT, "A digest must be 32 bytes of SHA-256");
        }
        if (algorithm == SignatureAlgorithm.ECDSA_P256_SHA256) {
            return run(key, "NONEwithECDSA", digest);
        }
        try {
            byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                    DERNull.INSTANCE), digest).getEncoded("DER");
            return run(key, "NONEwithRSA", digestInfo);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "Cannot encode the DigestInfo", e);
        }
    }

    private byte[] run(PrivateKey key, String jcaName, byte[] data) {
        try {
            Signature signature = provider.isPresent()
                    ? Signature.getInstance(jcaName, provider.get()) : Signature.getInstance(jcaName);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            // SunPKCS11 reports a logged-out or removed token as a ProviderException.
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "The token failed to sign", e);
        }
    }

    /** A PKCS#10 request for {@code subject}, signed by the key itself. */
    byte[] certificationRequest(LoadedKey key, X500Name subject) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, key.info().publicKey())
                    .build(contentSigner(key.privateKey(), key.info().algorithm())).getEncoded();
        } catch (IOException | RuntimeException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "Cannot make the certification request", e);
        }
    }

    /**
     * A self-signed certificate for a new key. Key stores (PKCS#12 and PKCS#11 alike) keep a private
     * key only together with a certificate; this one holds the place until the CA's certificate is
     * imported, and is never reported as a certificate of the key.
     */
    X509Certificate placeholder(String keyId, PrivateKey privateKey, PublicKey publicKey) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(publicKey);
        X500Name name = new X500Name("CN=" + PLACEHOLDER_CN + keyId);
        Instant now = Instant.now();
        try {
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(36500))), name,
                    publicKey).build(contentSigner(privateKey, algorithm));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw ZholException.internal(ErrorCode.CANNOT_SIGN, "Cannot make the placeholder certificate", e);
        }
    }

    static boolean isPlaceholder(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && certificate.getSubjectX500Principal().getName().startsWith("CN=" + PLACEHOLDER_CN);
    }

    private ContentSigner contentSigner(PrivateKey key, SignatureAlgorithm algorithm) {
        return new ContentSigner() {
            private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream(512);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm.algorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                return toBeSigned;
            }

            @Override
            public byte[] getSignature() {
                return sign(key, algorithm, toBeSigned.toByteArray());
            }
        };
    }
}
