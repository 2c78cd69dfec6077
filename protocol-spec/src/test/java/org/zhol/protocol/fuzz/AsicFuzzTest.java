// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.protocol.error.ErrorCode.MALFORMED_EVIDENCE;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.evidence.AsicContainerReader;
import org.zhol.protocol.evidence.AsicLayout;
import org.zhol.protocol.evidence.ContainerLimits;
import org.zhol.protocol.evidence.TrustSnapshot;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;

/**
 * Fuzz target {@code asic}: reading an ASiC-E evidence container as the auditor's verifier does
 * ({@code docs/evidence.md}): {@link AsicContainerReader} (strict ZIP: mimetype first and stored, safe
 * unique names, entry count and inflated sizes within {@link ContainerLimits}; refusals are
 * {@code MalformedEvidence}), then {@link EvidenceVerifier}, which must turn every problem into a failed
 * {@link Verdict} with a known fault code and never throw. Seeds: {@code vectors/evidence/*.asice}, made by
 * {@link EvidenceVectorsGenerator}, verified with the trust snapshot stored beside them.
 */
class AsicFuzzTest {

    private static final ContainerLimits LIMITS = ContainerLimits.DEFAULT;
    private static final AsicContainerReader READER = new AsicContainerReader(LIMITS);
    private static final EvidenceVerifier VERIFIER =
            new EvidenceVerifier(TrustSnapshot.decode(Seeds.vector("evidence", "trust-snapshot.json")), LIMITS);

    static Stream<Arguments> seeds() {
        return Seeds.ofFiles(Seeds.files("evidence", n -> n.endsWith(".asice")));
    }

    /** The seeds are whole, valid containers, so that the fuzzer starts deep inside the verifier. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedVerifies(byte[] container) {
        Verdict verdict = VERIFIER.verify("seed.asice", container);
        assertThat(verdict.failure()).as(verdict.toText()).isEmpty();
        assertThat(verdict.facts()).containsKeys("signer", "stampedAt", "leafIndex");
    }

    @MethodSource("seeds")
    @FuzzTest
    void asicContainer(byte[] input) {
        FuzzContract.holds("AsicContainerReader.read", Set.of(MALFORMED_EVIDENCE),
                () -> READER.read(input, AsicLayout.ASIC_E_MIME_TYPE));
        Verdict verdict = VERIFIER.verify("fuzz.asice", input);
        verdict.failure().ifPresent(f -> {
            ErrorCode code = FaultCode.parse(f.faultCode()).code();
            if (f.detail().isBlank()) {
                throw new AssertionError("a failed verdict without a detail: " + code);
            }
        });
    }
}
