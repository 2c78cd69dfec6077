// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.merkle.InclusionProof;
import org.zhol.securityserver.config.BatchSigning;

/**
 * The batching of {@link ManifestBatcher}: who shares a batch, and that every member gets its own result
 * or the batch's failure. Batches here close because they are full (the wait is long), so nothing depends
 * on timing; the real signing is tested in {@code BatchSigningExchangeTest}.
 */
class ManifestBatcherTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** Records each batch it is asked to sign and answers with the leaf index of each manifest. */
    static final class Batches implements Function<List<byte[]>, List<MessageSignature.Batch>> {
        final List<List<String>> signed = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<MessageSignature.Batch> apply(List<byte[]> manifests) {
            signed.add(manifests.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList());
            List<MessageSignature.Batch> out = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                out.add(new MessageSignature.Batch(manifests.get(i), new byte[] {(byte) signed.size()},
                        new InclusionProof(i, manifests.size(), List.of())));
            }
            return out;
        }
    }

    @Test
    void concurrentManifestsOfOneKeyAndTimeShareOneSignatureEachWithItsOwnLeaf() throws Exception {
        int n = 6;
        ManifestBatcher batcher = new ManifestBatcher(BatchSigning.on(Duration.ofSeconds(10), n));
        Batches batches = new Batches();
        List<Future<MessageSignature.Batch>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                byte[] manifest = ("m" + i).getBytes(StandardCharsets.UTF_8);
                results.add(threads.submit(() -> batcher.sign(new ManifestBatcher.Group("k1", T), manifest, batches)));
            }
        }
        assertThat(batches.signed).hasSize(1);
        List<String> batch = batches.signed.getFirst();
        assertThat(batch).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
        for (int i = 0; i < n; i++) {
            MessageSignature.Batch signature = results.get(i).get();
            // Each caller gets the entry of its own manifest (the fake puts the manifest in batchRoot).
            assertThat(new String(signature.batchRoot(), StandardCharsets.UTF_8)).isEqualTo("m" + i);
            assertThat(batch.get((int) signature.proof().leafIndex())).isEqualTo("m" + i);
        }
    }

    @Test
    void otherKeysAndSigningTimesAreOtherBatches() throws Exception {
        ManifestBatcher batcher = new ManifestBatcher(BatchSigning.on(Duration.ofSeconds(10), 2));
        Batches batches = new Batches();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ManifestBatcher.Group group : List.of(new ManifestBatcher.Group("k1", T),
                    new ManifestBatcher.Group("k2", T), new ManifestBatcher.Group("k1", T.plusSeconds(1)))) {
                for (int i = 0; i < 2; i++) {
                    byte[] manifest = (group.keyId() + "@" + group.signingTime().getEpochSecond() + "#" + i)
                            .getBytes(StandardCharsets.UTF_8);
                    threads.submit(() -> batcher.sign(group, manifest, batches));
                }
            }
        }
        assertThat(batches.signed).hasSize(3).allSatisfy(batch -> {
            assertThat(batch).hasSize(2);
            assertThat(batch.get(0).substring(0, batch.get(0).indexOf('#')))
                    .isEqualTo(batch.get(1).substring(0, batch.get(1).indexOf('#')));
        });
    }

    @Test
    void aFailureToSignFailsEveryMessageOfTheBatch() throws Exception {
        int n = 3;
        ManifestBatcher batcher = new ManifestBatcher(BatchSigning.on(Duration.ofSeconds(10), n));
        AtomicInteger calls = new AtomicInteger();
        List<Future<MessageSignature.Batch>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                results.add(threads.submit(() -> batcher.sign(new ManifestBatcher.Group("k1", T), new byte[1], all -> {
                    calls.incrementAndGet();
                    throw ZholException.internal(ErrorCode.CANNOT_SIGN, "the token failed", null);
                })));
            }
        }
        assertThat(calls).hasValue(1);
        for (Future<MessageSignature.Batch> result : results) {
            ExecutionException failure = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                    result::get);
            assertThat(failure.getCause()).isInstanceOf(ZholException.class).hasMessageContaining("the token failed");
        }
    }

    @Test
    void aLoneManifestIsSignedAfterTheWait() {
        ManifestBatcher batcher = new ManifestBatcher(BatchSigning.on(Duration.ofMillis(1), 64));
        Batches batches = new Batches();
        MessageSignature.Batch signature = batcher.sign(new ManifestBatcher.Group("k1", T),
                "alone".getBytes(StandardCharsets.UTF_8), batches);
        assertThat(batches.signed).containsExactly(List.of("alone"));
        assertThat(signature.proof().treeSize()).isEqualTo(1);
    }
}
