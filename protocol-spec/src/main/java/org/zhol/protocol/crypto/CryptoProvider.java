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
 * {@code ManifestSignatureBenchmark}, JDK 25; numbers in {@code docs/signatures.md}):
 * <ul>
 *   <li>{@link #forSigning()}: the JDK. SunEC signs P-256 faster than BC on JDK 25, and RSA signing
 *       is close between the two; the JDK also keeps a PKCS#11 key on the same code path.</li>
 *   <li>{@link #forVerifying()}: the JDK. Its ECDSA verification was several times faster than BC's
 *       here; RSA verification is cheap either way.</li>
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

    /** The provider chosen by measurement for verifying signatures. */
    public static CryptoProvider forVerifying() {
        return jdk();
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
