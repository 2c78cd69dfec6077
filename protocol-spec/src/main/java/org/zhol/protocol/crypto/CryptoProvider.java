// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider runs a signature operation: the JDK's own providers (SunEC, SunRsaSign) or a
 * BouncyCastle provider instance. The provider is passed explicitly and never installed with
 * {@code Security.addProvider}, so there is no global state.
 *
 * <p>The defaults were chosen per operation by measurement (JMH, {@code bench}
 * {@code ManifestSignatureBenchmark}, JDK 25, CMS sign/verify of one manifest; numbers and noise in
 * {@code docs/signatures.md}):
 * <ul>
 *   <li>{@link #forSigning()}: the JDK, for both key types. SunEC signed P-256 about 2.7x faster than
 *       BC (6.7k vs 2.5k ops/s), SunRsaSign RSA-2048 about 1.9x (850 vs 450 ops/s); a PKCS#11 key
 *       also needs the JDK path.</li>
 *   <li>{@link #forVerifying(SignatureAlgorithm)}: BouncyCastle for ECDSA, whose verification was
 *       about 4x the JDK's (1.6k vs 0.4k ops/s; the JDK has no precomputation for arbitrary public
 *       points), and the JDK for RSA (8.2k vs 6.5k ops/s).</li>
 * </ul>
 *
 * <p><b>Pitfalls:</b> {@link #bouncyCastle()} builds a new provider each call, which is slow (tens of
 * milliseconds): build one at start-up and pass it around.
 */
public final class CryptoProvider {

    private final Optional<Provider> provider;

    private CryptoProvider(Optional<Provider> provider) {
        this.provider = provider;
    }

    /** The JDK's providers, in their configured order. */
    public static CryptoProvider jdk() {
        return new CryptoProvider(Optional.empty());
    }

    /** A fresh BouncyCastle provider, used only through this object. */
    public static CryptoProvider bouncyCastle() {
        return new CryptoProvider(Optional.of(new BouncyCastleProvider()));
    }

    /** The provider chosen by measurement for creating signatures. */
    public static CryptoProvider forSigning() {
        return jdk();
    }

    /**
     * The provider chosen by measurement for verifying {@code algorithm}: a fresh BouncyCastle provider
     * for ECDSA, the JDK for RSA. Call once and keep the result.
     */
    public static CryptoProvider forVerifying(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ECDSA_P256_SHA256 ? bouncyCastle() : jdk();
    }

    /** The explicit provider, or empty for the JDK's. */
    public Optional<Provider> provider() {
        return provider;
    }

    /** A fresh {@link Signature} for {@code algorithm} from this provider. */
    public Signature signature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance(algorithm.jcaName(), provider.get())
                : Signature.getInstance(algorithm.jcaName());
    }

    @Override
    public String toString() {
        return "CryptoProvider[" + provider.map(Provider::getName).orElse("JDK") + "]";
    }
}
