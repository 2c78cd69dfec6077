// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CryptoProvider;
import org.zhol.protocol.manifest.BatchManifestSigner;
import org.zhol.protocol.manifest.MessageSignature;

/**
 * Batch signing (one CMS over a Merkle root, one inclusion proof per manifest) at batch sizes 1, 16
 * and 256. Each method declares its batch size as operations per invocation, so the score is
 * manifests signed per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchSignatureBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public BenchSigner.KeyType keyType;

    private BatchManifestSigner signer;
    private List<byte[]> manifests;

    @Setup
    public void setUp() throws Exception {
        signer = new BatchManifestSigner(new CadesSigner(
                BenchSigner.credentials(BenchSigner.keyPair(keyType), CryptoProvider.forSigning())));
        manifests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            manifests.add(BenchSigner.manifest(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public List<MessageSignature.Batch> batchOf1() {
        return signer.sign(manifests.subList(0, 1), Instant.now(), List.of());
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public List<MessageSignature.Batch> batchOf16() {
        return signer.sign(manifests.subList(0, 16), Instant.now(), List.of());
    }

    @Benchmark
    @OperationsPerInvocation(256)
    public List<MessageSignature.Batch> batchOf256() {
        return signer.sign(manifests, Instant.now(), List.of());
    }
}
