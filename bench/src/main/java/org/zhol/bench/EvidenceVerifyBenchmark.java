// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.EvidenceFixture;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;

/**
 * The auditor's verifier on one core (one thread): containers of {@link #BATCHES} stamped batches of
 * 256 requests each (EC P-256 signer with OCSP, each batch's checkpoint and token), verified one after
 * the other with one verifier, as {@code zhol verify} reads archives. The containers outnumber what the
 * verifier remembers ({@code EvidenceVerifier.CACHE_ENTRIES}), and are visited in a cycle, so no
 * container's own parts are ever found remembered; only what containers of a batch share is.
 * Target: at least 1,000 containers per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EvidenceVerifyBenchmark {

    /** Batches of 256: 2,048 containers, twice {@code EvidenceVerifier.CACHE_ENTRIES}. */
    static final int BATCHES = 8;

    private EvidenceVerifier verifier;
    private List<byte[]> containers;
    private int next;

    @Setup
    public void setUp() {
        EvidenceFixture fixture = new EvidenceFixture();
        containers = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            containers.addAll(EvidenceVerifyCpuTime.batch(fixture, "bench-" + b + "-"));
        }
        verifier = new EvidenceVerifier(fixture.snapshot, ContainerLimits.DEFAULT);
        Verdict first = verifier.verify("first", containers.getFirst());
        if (!first.passed()) {
            throw new IllegalStateException(first.toText());
        }
    }

    @Benchmark
    public Verdict verifyContainer() {
        Verdict verdict = verifier.verify("c", containers.get(next));
        next = (next + 1) % containers.size();
        if (!verdict.passed()) {
            throw new IllegalStateException(verdict.toText());
        }
        return verdict;
    }
}
