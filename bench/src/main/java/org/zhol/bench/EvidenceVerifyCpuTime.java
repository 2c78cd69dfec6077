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
 *
 * <p>As {@code zhol verify} reads archives: one verifier for the whole run, and each container verified
 * once. Every round verifies a fresh stamped batch of 256 requests (made before the clock starts), so
 * what the verifier remembers helps only where containers really share it (the batch's checkpoint,
 * token and checkpoint evidence record; the signer's key, chain and OCSP response), never by seeing the
 * same container again.
 */
public final class EvidenceVerifyCpuTime {

    /** Containers per batch, as in the 2026-11-28 runs. */
    static final int BATCH = 256;

    private EvidenceVerifyCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        EvidenceFixture fixture = new EvidenceFixture();
        EvidenceVerifier verifier = new EvidenceVerifier(fixture.snapshot, ContainerLimits.DEFAULT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        List<Double> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<byte[]> containers = batch(fixture, "cpu-" + round + "-");
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
            all.add(cpuMs);
            System.out.printf("round %2d: %.3f ms CPU per container (%.0f per CPU-second), %.3f ms wall%n", round,
                    cpuMs, 1000 / cpuMs, wallMs);
        }
        List<Double> lastHalf = new ArrayList<>(all.subList(all.size() / 2, all.size()));
        lastHalf.sort(null);
        double median = lastHalf.get(lastHalf.size() / 2);
        System.out.printf("median of the last %d rounds: %.0f containers per CPU-second%n", lastHalf.size(),
                1000 / median);
        System.out.printf("best round: %.0f containers per CPU-second%n", 1000 / best);
    }

    /** A fresh stamped batch of {@link #BATCH} requests with 0.5 KiB bodies, as containers. */
    static List<byte[]> batch(EvidenceFixture fixture, String prefix) {
        List<LoggedMessage> messages = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            messages.add(fixture.request(prefix + i, ("{\"n\":" + i + ",\"payload\":\"" + "x".repeat(512) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), false, Optional.empty()));
        }
        return fixture.logAndExport(messages);
    }
}
