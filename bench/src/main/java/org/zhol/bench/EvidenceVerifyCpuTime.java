// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.EvidenceFixture;
import org.zhol.protocol.evidence.LoggedMessage;
import org.zhol.protocol.verify.EvidenceVerifier;

/**
 * The evidence verifier's cost in CPU time of the verifying thread, which a busy shared machine
 * distorts far less than JMH's wall-clock throughput: containers per CPU-second on one core. Run:
 * {@code java -cp bench/target/benchmarks.jar org.zhol.bench.EvidenceVerifyCpuTime [ROUNDS]}.
 */
public final class EvidenceVerifyCpuTime {

    private EvidenceVerifyCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        EvidenceFixture fixture = new EvidenceFixture();
        List<LoggedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            messages.add(fixture.request("cpu-" + i, ("{\"n\":" + i + ",\"payload\":\"" + "x".repeat(512) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), false, Optional.empty()));
        }
        List<byte[]> containers = fixture.logAndExport(messages);
        EvidenceVerifier verifier = new EvidenceVerifier(fixture.snapshot, ContainerLimits.DEFAULT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (byte[] container : containers) {
                if (!verifier.verify("c", container).passed()) {
                    throw new IllegalStateException("a benchmark container does not verify");
                }
            }
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / containers.size();
            double wallMs = (System.nanoTime() - wall) / 1e6 / containers.size();
            best = Math.min(best, cpuMs);
            System.out.printf("round %2d: %.3f ms CPU per container (%.0f per CPU-second), %.3f ms wall%n", round,
                    cpuMs, 1000 / cpuMs, wallMs);
        }
        System.out.printf("best round: %.0f containers per CPU-second%n", 1000 / best);
    }
}
