// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.VerifiedCms;

/**
 * Signing and verifying one manifest (single mode): a CAdES-BES detached CMS with the certificate
 * embedded, by key type and by provider (the JDK's SunEC/SunRsaSign, or BouncyCastle). The result
 * chooses {@code CryptoProvider.forSigning()} and {@code forVerifying(algorithm)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManifestSignatureBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public BenchSigner.KeyType keyType;

    @Param({"JCA", "BC"})
    public String provider;

    private CadesSigner signer;
    private CadesVerifier verifier;
    private byte[] manifest;
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        KeyPair keys = BenchSigner.keyPair(keyType);
        signer = new CadesSigner(BenchSigner.credentials(keys, BenchSigner.provider(provider)));
        verifier = new CadesVerifier(BenchSigner.provider(provider));
        manifest = BenchSigner.manifest(1);
        signature = signer.sign(manifest, Instant.now(), List.of());
    }

    @Benchmark
    public byte[] sign() {
        return signer.sign(manifest, Instant.now(), List.of());
    }

    @Benchmark
    public VerifiedCms verify() {
        return verifier.verify(signature, manifest);
    }
}
