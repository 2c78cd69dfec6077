// SPDX-License-Identifier: MIT
package org.zhol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message log benchmark logs real records, so that JMH measures commits and not failures. */
class MessageLogBenchmarkTest {

    @Test
    void everyBenchmarkRunsOnValidInput() throws Exception {
        MessageLogBenchmark bench = new MessageLogBenchmark();
        bench.setUp();
        try {
            assertThat(bench.commitOneThread().leafIndex()).isZero();
            assertThat(bench.commitSixteenThreads().leafIndex()).isEqualTo(1);
            bench.newFrontier();
            assertThat(bench.merkleAppend().size()).isEqualTo(1);
        } finally {
            bench.tearDown();
        }
    }
}
