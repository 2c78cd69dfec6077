// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.TIMESTAMP_VALIDATION;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.tsp.TimestampQuery;
import org.zhol.protocol.tsp.TimestampResponse;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;

/**
 * Fuzz target {@code tsp}: RFC 3161 time-stamp replies and tokens ({@code docs/timestamps.md}). The input
 * is read both as a reply ({@link TimestampResponse#decode}, checked as the answer to a nonce-less query) and as a
 * bare token ({@link TimestampToken#decode}, as evidence records hold them), each token verified by
 * {@link TimestampVerifier} against the vector TSA over the vector data. Every refusal is
 * {@code TimestampValidation.*}. Seeds: {@code vectors/tsp/*.tsr} and {@code *.tst}, the mutations included.
 */
class TspFuzzTest {

    private static final Set<ErrorCode> CODES = Set.of(TIMESTAMP_VALIDATION);
    private static final TimestampVerifier VERIFIER = new TimestampVerifier(List.of(new ApprovedTsa("vector TSA",
            URI.create("http://127.0.0.1:1/"), PkiFiles.certificate("tsp", "tsa.pem"))), Optional.of("2.999.3161.1"));
    private static final byte[] DIGEST = TimestampQuery.sha256(Seeds.vector("tsp", "data.txt"));

    static Stream<Arguments> seeds() {
        return Seeds.ofFiles(Seeds.files("tsp", n -> n.endsWith(".tsr") || n.endsWith(".tst")));
    }

    @MethodSource("seeds")
    @FuzzTest
    void timestampReply(byte[] input) {
        FuzzContract.holds("TimestampResponse.decode", CODES,
                () -> VERIFIER.verify(TimestampResponse.decode(input), TimestampQuery.withoutNonce(DIGEST)));
        FuzzContract.holds("TimestampToken.decode", CODES, () -> VERIFIER.verify(TimestampToken.decode(input), DIGEST));
    }
}
