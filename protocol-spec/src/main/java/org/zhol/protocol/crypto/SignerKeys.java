// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Ready CMS signer verifiers, one per signer certificate (by its exact encoding), each holding the
 * certificate's public key as an object of the verifying provider.
 *
 * <p>Why: BouncyCastle's ECDSA keeps the window precomputation of a public point on that point; a key
 * converted afresh for every signature (the JDK certificate's key is not BouncyCastle's) recomputes it
 * every time, and building the verifier looks up providers and algorithms each time. Together that was
 * about a tenth of verifying an evidence container. What a verifier checks is unchanged: every
 * signature value, digest and the certificate's validity at the signing time are checked per call; only
 * the conversion of the certificate's key, a pure function of its bytes, is done once.
 *
 * <p>Thread-safe: the verifiers are stateless apart from BouncyCastle's precomputation, which it
 * synchronises itself.
 */
final class SignerKeys {

    private record Key(X509Certificate certificate, CryptoProvider provider) {
    }

    private final int capacity;
    private final Map<Key, SignerInformationVerifier> verifiers;

    SignerKeys(int capacity) {
        this.capacity = capacity;
        this.verifiers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SignerInformationVerifier> eldest) {
                return size() > SignerKeys.this.capacity;
            }
        };
    }

    /** The verifier for signatures by {@code certificate}, with {@code provider}'s algorithms. */
    SignerInformationVerifier verifierFor(X509Certificate certificate, CryptoProvider provider)
            throws OperatorCreationException {
        Key key = new Key(certificate, provider);
        synchronized (verifiers) {
            SignerInformationVerifier known = verifiers.get(key);
            if (known != null) {
                return known;
            }
        }
        SignerInformationVerifier built = build(certificate, provider);
        synchronized (verifiers) {
            verifiers.put(key, built);
        }
        return built;
    }

    private static SignerInformationVerifier build(X509Certificate certificate, CryptoProvider provider)
            throws OperatorCreationException {
        JcaContentVerifierProviderBuilder contents = new JcaContentVerifierProviderBuilder();
        JcaDigestCalculatorProviderBuilder digests = new JcaDigestCalculatorProviderBuilder();
        provider.provider().ifPresent(p -> {
            contents.setProvider(p);
            digests.setProvider(p);
        });
        ContentVerifierProvider byKey = contents.build(providerKey(certificate.getPublicKey(), provider));
        X509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new OperatorCreationException("the certificate cannot be encoded", e);
        }
        return new SignerInformationVerifier(new DefaultCMSSignatureAlgorithmNameGenerator(),
                new DefaultSignatureAlgorithmIdentifierFinder(), new WithCertificate(byKey, holder), digests.build());
    }

    /** {@code key} as an object of {@code provider}, so that the provider can keep work on it. */
    private static PublicKey providerKey(PublicKey key, CryptoProvider provider) throws OperatorCreationException {
        if (provider.provider().isEmpty()) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), provider.provider().get())
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("the provider cannot read the signer's key", e);
        }
    }

    /**
     * A key's verifiers that name the certificate they came from, so that BouncyCastle checks that the
     * certificate was valid at the signing time (as a verifier built from the certificate does).
     */
    private record WithCertificate(ContentVerifierProvider byKey, X509CertificateHolder holder)
            implements ContentVerifierProvider {

        @Override
        public boolean hasAssociatedCertificate() {
            return true;
        }

        @Override
        public X509CertificateHolder getAssociatedCertificate() {
            return holder;
        }

        @Override
        public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
            return byKey.get(algorithm);
        }
    }
}
