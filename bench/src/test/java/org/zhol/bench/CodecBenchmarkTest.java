// SPDX-License-Identifier: MIT
package org.zhol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's inputs are valid, so that JMH measures the happy path and not exceptions. */
class CodecBenchmarkTest {

    @Test
    void everyBenchmarkRunsOnValidInput() {
        CodecBenchmark bench = new CodecBenchmark();
        bench.setUp();
        assertThat(bench.restTargetDecompose().service().serviceCode()).isEqualTo("persons");
        assertThat(bench.restTargetDecompose().servicePath()).isEqualTo("/38001010001");
        assertThat(bench.restHeadersParse().client()).hasToString("SUBSYSTEM:DEV/GOV/2002/TAXES");
        assertThat(bench.soapHeaderParse().service().serviceCode()).isEqualTo("getPerson");
    }
}
