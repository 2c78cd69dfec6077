// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.zhol.examples.demo.DemoConsumer;

/**
 * What a load run ({@code ./zhol sandbox --load N}) came to.
 *
 * @param requests    how many requests were sent and answered (or failed)
 * @param planned     how many were asked for; fewer are sent when the run is stopped early
 * @param concurrency how many requests were in flight at a time
 * @param byKind      how many of each kind were sent
 * @param errors      failed requests by error (X-Road fault code, {@code HTTP nnn}, ...), sorted by name
 * @param elapsed     from the first request sent to the last answer
 * @param p50         the median latency of all requests
 * @param p99         the 99th percentile latency of all requests
 */
public record LoadReport(long requests, long planned, int concurrency, Map<DemoConsumer.Kind, Long> byKind,
        Map<String, Long> errors, Duration elapsed, Duration p50, Duration p99) {

    public LoadReport {
        byKind = Map.copyOf(byKind);
        errors = java.util.Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    /** How many requests failed. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests per second over the whole run. */
    public double perSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /** The summary for people, a few lines. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "Load: %d requests%s (%s), %d at a time, in %.1f s%n", requests,
                requests < planned ? " of " + planned + " (stopped early)" : "", kinds(), concurrency,
                elapsed.toNanos() / 1e9));
        out.append(String.format(java.util.Locale.ROOT, "  %.0f req/s, latency p50 %.1f ms, p99 %.1f ms%n", perSecond(), millis(p50),
                millis(p99)));
        if (errors.isEmpty()) {
            out.append("  0 errors\n");
        } else {
            out.append("  ").append(errorCount()).append(" errors:");
            errors.forEach((code, count) -> out.append(' ').append(code).append(" x").append(count).append(','));
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        return out.toString();
    }

    private String kinds() {
        StringBuilder text = new StringBuilder();
        for (DemoConsumer.Kind kind : DemoConsumer.Kind.values()) {
            long count = byKind.getOrDefault(kind, 0L);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(label(kind));
            }
        }
        return text.toString();
    }

    private static String label(DemoConsumer.Kind kind) {
        return switch (kind) {
            case GET_PERSON -> "REST GET by id";
            case SEARCH -> "REST GET ?name=";
            case ADDRESS_CHANGE -> "REST POST address change";
            case SOAP_GET_PERSON -> "SOAP getPerson";
        };
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
