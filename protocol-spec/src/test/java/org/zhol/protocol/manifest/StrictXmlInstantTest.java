// SPDX-License-Identifier: MIT
package org.zhol.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StrictXml#instant} accepts exactly what {@link Instant#parse} accepts, with the same value. */
class StrictXmlInstantTest {

    @Test
    void agreesWithInstantParseOnFormattedInstants() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_799L); // years 0000 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            texts.add(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second, nanos)));
        }
        for (String text : texts) {
            assertThat(StrictXml.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2026-12-31T23:59:59.999999999Z",
        "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00.12Z", "2026-01-01T00:00:00.1234Z", "0000-01-01T00:00:00Z",
        "2026-06-30T23:59:60Z", "2026-01-01T24:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01t00:00:00Z",
        "2026-01-01T00:00:00z", "2026-01-01T00:00:00", "2026-01-01T00:00:00+00:00", "+2026-01-01T00:00:00Z",
        "20260-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.12aZ",
        "2026-01-01T0a:00:00Z", "２０２６-01-01T00:00:00Z", "2026-01-01T00:00:00.1234567890Z", "", "Z",
        "2026-01-01 00:00:00Z", "-001-01-01T00:00:00Z"})
    void acceptsAndRejectsWhatInstantParseDoes(String text) {
        assertThat(outcome(() -> StrictXml.instant(text))).isEqualTo(outcome(() -> Instant.parse(text)));
    }

    private static String outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get().toString();
        } catch (DateTimeException e) {
            return "rejected";
        }
    }
}
