// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ZholException;

/** Runs vectors/id/identifiers.tsv: each happy path parses and prints back, each bad one gets its code. */
class IdentifierVectorsTest {

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = IdentifierVectorsTest.class.getResourceAsStream("/vectors/id/identifiers.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines).hasSizeGreaterThan(20);
            return lines.stream().map(l -> l.split("\t", -1)).map(c -> Arguments.of(c[0], c[1], c[2]));
        }
    }

    static Function<String, XRoadId> parser(String kind) {
        return switch (kind) {
            case "client" -> ClientId::parse;
            case "member" -> MemberId::parse;
            case "subsystem" -> SubsystemId::parse;
            case "service" -> ServiceId::parse;
            case "server" -> SecurityServerId::parse;
            case "group" -> GlobalGroupId::parse;
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("vectors")
    void vector(String kind, String input, String expected) {
        Function<String, XRoadId> parse = parser(kind);
        if (expected.startsWith("ok ")) {
            XRoadId id = parse.apply(input);
            assertThat(id.toString()).isEqualTo(expected.substring(3));
            assertThat(id.toPath()).isEqualTo(input);
            assertThat(parse.apply(id.toPath())).isEqualTo(id);
        } else {
            String code = expected.substring("error ".length());
            assertThatThrownBy(() -> parse.apply(input))
                    .isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.faultCode()).hasToString(code));
        }
    }
}
