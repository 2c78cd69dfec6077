// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

class PathPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            **              |                       | true
            **              | /a/b/c                | true
            ***             | /match/anything/*     | true
            /*/             | /a/                   | true
            /*/             | /a/b/                 | false
            /*/             | //                    | true
            **/bar/**       | a/b/c/bar/e/f         | true
            **/bar/**       | a/b/c/foo/e/f         | false
            **/*/**         | something/bar/something/else | true
            **/*/**         | something/else        | false
            /simple         | /simple               | true
            /simple         | /prefix.simple.suffix | false
            /persons        | /Persons              | false
            /persons/*      | /persons/1            | true
            /persons/*      | /persons/             | true
            /persons/*      | /persons/1/cars       | false
            /persons/**     | /persons/1/cars       | true
            /persons/**     | /persons              | false
            /persons/{id}   | /persons/1            | true
            /persons/{id}   | /persons/             | false
            /persons/{id}   | /persons/1/cars       | false
            /files/{n}.{e}  | /files/a.txt          | true
            /files/{n}.{e}  | /files/.txt           | false
            /a\\*           | /a*                   | true
            /a\\*           | /ab                   | false
            /a\\{x\\}       | /a{x}                 | true
            '/.^$+[]|()'    | '/.^$+[]|()'          | true
            """)
    void matchesLikeXRoad(String pattern, String path, boolean expected) {
        assertThat(new PathPattern(pattern).matches(path == null ? "" : path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "persons", "*/x", "/a b", "/a?b", "/a#b", "/a}", "/a{", "/a{}", "/a{b c}", "/a\\", "/a\\{x}",
        "/tab\t", "/é{é}"})
    void refusesMalformedPatterns(String pattern) {
        assertThatThrownBy(() -> new PathPattern(pattern)).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @org.junit.jupiter.api.Test
    void refusesTooLongPatternsAndStaysFastOnHostilePaths() {
        assertThatThrownBy(() -> new PathPattern("/" + "a".repeat(PathPattern.MAX_LENGTH))).isInstanceOf(ZholException.class);
        PathPattern nasty = new PathPattern("/" + "*a".repeat(60) + "b");
        long start = System.nanoTime();
        assertThat(nasty.matches("/" + "a".repeat(20_000))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    /** The matcher agrees with a regular-expression translation of the same pattern. */
    @Property(tries = 2000)
    void agreesWithARegexOracle(@ForAll("patterns") String pattern, @ForAll("paths") String path) {
        assertThat(new PathPattern(pattern).matches(path)).isEqualTo(regex(pattern).matcher(path).matches());
    }

    /** {@code **} covers every path, and a pattern without wildcards matches only itself. */
    @Property
    void anyMatchesEverythingAndLiteralsOnlyThemselves(@ForAll("paths") String path, @ForAll("paths") String other) {
        assertThat(PathPattern.ANY.matches(path)).isTrue();
        assertThat(new PathPattern(path).matches(other)).isEqualTo(path.equals(other));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "/", "*", "**", "{id}", ".", "-");
        return piece.list().ofMaxSize(8).map(l -> "/" + String.join("", l));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars('a', 'b', '/', '.', '-').ofMaxLength(12).map(s -> "/" + s);
    }

    private static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '{') {
                re.append("[^/]+");
                i = pattern.indexOf('}', i);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
