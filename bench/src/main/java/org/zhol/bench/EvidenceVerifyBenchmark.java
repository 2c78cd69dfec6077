// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.zhol.protocol.evidence.LoggedMessage;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;

/**
 * The auditor's verifier on one core (one thread): containers of one stamped batch of 256 requests
 * (EC P-256 signer with OCSP, the batch's checkpoint and token), verified one after the other with
 * one verifier, as {@code zhol verify} reads an archive. Target: at least 1,000 containers per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EvidenceVerifyBenchmark {

    private EvidenceVerifier verifier;
    private List<byte[]> containers;
    private int next;

    @Setup
    public void setUp() {
        EvidenceFixture fixture = new EvidenceFixture();
        List<LoggedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            messages.add(fixture.request("bench-" + i, ("{\"n\":" + i + ",\"payload\":\"" + "x".repeat(512) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), false, Optional.empty()));
        }
        containers = fixture.logAndExport(messages);
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
