// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zhol.examples.demo.DemoConsumer.Kind;

/** The load's mix, percentiles, summary and progress display, without a sandbox (the end-to-end test sends load). */
class SandboxLoadTest {

    @Test
    void theMixIsHalfGetsAQuarterSoapAndTheRestSearchesAndAddressChanges() {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        IntStream.range(0, 10_000).forEach(i -> counts.merge(SandboxLoad.kind(i), 1L, Long::sum));
        assertThat(counts).containsEntry(Kind.GET_PERSON, 5_000L).containsEntry(Kind.SEARCH, 1_500L)
                .containsEntry(Kind.ADDRESS_CHANGE, 1_000L).containsEntry(Kind.SOAP_GET_PERSON, 2_500L);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = IntStream.rangeClosed(1, 200).asLongStream().toArray();
        assertThat(SandboxLoad.percentile(sorted, 50)).isEqualTo(100);
        assertThat(SandboxLoad.percentile(sorted, 99)).isEqualTo(198);
        assertThat(SandboxLoad.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(SandboxLoad.percentile(new long[0], 50)).isZero();
    }

    @Test
    void theSummaryNamesRateLatencyAndErrorsByCode() {
        LoadReport clean = new LoadReport(1000, 1000, 8, Map.of(Kind.GET_PERSON, 600L, Kind.SOAP_GET_PERSON, 400L),
                Map.of(), Duration.ofSeconds(2), Duration.ofMillis(3), Duration.ofMillis(12));
        assertThat(clean.perSecond()).isEqualTo(500.0);
        assertThat(clean.text()).contains("Load: 1000 requests (600 REST GET by id, 400 SOAP getPerson), 8 at a time")
                .contains("500 req/s, latency p50 3.0 ms, p99 12.0 ms").contains("0 errors");

        LoadReport failing = new LoadReport(10, 20, 2, Map.of(Kind.SEARCH, 10L),
                Map.of("Server.ServerProxy.AccessDenied", 3L, "HTTP 502", 1L), Duration.ofSeconds(1),
                Duration.ofMillis(1), Duration.ofMillis(2));
        assertThat(failing.errorCount()).isEqualTo(4);
        assertThat(failing.text()).contains("10 requests of 20 (stopped early)")
                .contains("4 errors: HTTP 502 x1, Server.ServerProxy.AccessDenied x3");
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceAndALogGetsALineEveryFewSeconds() {
        assertThat(LoadProgress.resolve(LoadProgress.Mode.AUTO, true)).isEqualTo(LoadProgress.Mode.BAR);
        assertThat(LoadProgress.resolve(LoadProgress.Mode.AUTO, false)).isEqualTo(LoadProgress.Mode.LINES);
        assertThat(LoadProgress.resolve(LoadProgress.Mode.NONE, true)).isEqualTo(LoadProgress.Mode.NONE);

        StringWriter bar = new StringWriter();
        LoadProgress terminal = new LoadProgress(new PrintWriter(bar), LoadProgress.Mode.BAR);
        terminal.update(50, 100, 0, 1_000_000_000L);
        terminal.finish(100, 100, 1, 2_000_000_000L);
        assertThat(bar.toString()).startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "] 50/100 (50%), 50 req/s, 0 errors")
                .contains("\r[" + "#".repeat(30) + "] 100/100 (100%), 50 req/s, 1 errors").endsWith(System.lineSeparator());

        StringWriter lines = new StringWriter();
        LoadProgress log = new LoadProgress(new PrintWriter(lines), LoadProgress.Mode.LINES);
        for (int second = 0; second <= 11; second++) {
            log.update(second * 10L, 120, 0, second * 1_000_000_000L);
        }
        log.finish(120, 120, 0, 12_000_000_000L);
        assertThat(lines.toString().lines()).containsExactly("load: 50/120 (41%), 10 req/s, 0 errors",
                "load: 100/120 (83%), 10 req/s, 0 errors");
    }
}
