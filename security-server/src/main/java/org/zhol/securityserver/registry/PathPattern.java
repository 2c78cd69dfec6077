// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * The path part of a REST endpoint, as X-Road's security server user guide and its {@code PathGlob}
 * define it, plus OpenAPI path templates. A pattern matches the <em>whole</em> percent-decoded service
 * path (the part of {@code /r1/{serviceId}/...} after the service id, starting with {@code /}, without
 * the query string). Matching is case-sensitive.
 *
 * <ul>
 *   <li>{@code **} matches any sequence of characters, {@code /} included, also the empty one: {@code **}
 *       alone matches every path, {@code /persons/**} matches {@code /persons/} and {@code /persons/1/cars};</li>
 *   <li>{@code *} matches any sequence of characters other than {@code /}, also the empty one:
 *       {@code /persons/*} matches {@code /persons/1} and {@code /persons/} but not {@code /persons/1/cars};</li>
 *   <li>{@code {name}} (an OpenAPI path template; X-Road turns these into {@code *}) matches one or more
 *       characters other than {@code /}: {@code /persons/{id}} matches {@code /persons/1}, not {@code /persons/};</li>
 *   <li>{@code \} makes the next character literal, e.g. {@code \*} or {@code \{};</li>
 *   <li>every other character matches itself.</li>
 * </ul>
 *
 * <p><b>Limits:</b> at most {@link #MAX_LENGTH} characters, as X-Road stores endpoint paths. A pattern
 * starts with {@code /} or {@code **}, and has no white space, control characters, {@code ?}, {@code #},
 * stray {@code }} or dangling {@code \}.
 *
 * <p><b>Pitfalls:</b> matching runs in time proportional to pattern length times path length, never
 * with backtracking, so a hostile path cannot make it slow.
 *
 * @param pattern the pattern text
 */
public record PathPattern(String pattern) {

    /** Limit: the longest pattern. */
    public static final int MAX_LENGTH = 255;

    /** Every path: X-Road's {@code **}. */
    public static final PathPattern ANY = new PathPattern("**");

    private sealed interface Token permits Literal, Star, DoubleStar, Param {
    }

    private record Literal(char c) implements Token {
    }

    private record Star() implements Token {
    }

    private record DoubleStar() implements Token {
    }

    private record Param() implements Token {
    }

    public PathPattern {
        tokenize(pattern);
    }

    /** Whether this pattern matches the whole of {@code path}. */
    public boolean matches(String path) {
        List<Token> tokens = tokenize(pattern);
        int n = path.length();
        // row[j]: tokens so far match path[0, j).
        boolean[] row = new boolean[n + 1];
        row[0] = true;
        for (Token token : tokens) {
            boolean[] next = new boolean[n + 1];
            for (int j = 0; j <= n; j++) {
                next[j] = switch (token) {
                    case Literal l -> j > 0 && row[j - 1] && path.charAt(j - 1) == l.c();
                    case Star s -> row[j] || (j > 0 && next[j - 1] && path.charAt(j - 1) != '/');
                    case DoubleStar d -> row[j] || (j > 0 && next[j - 1]);
                    case Param p -> j > 0 && path.charAt(j - 1) != '/' && (row[j - 1] || next[j - 1]);
                };
            }
            row = next;
        }
        return row[n];
    }

    /** Whether this is {@link #ANY}. */
    public boolean isAny() {
        return pattern.equals(ANY.pattern);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static List<Token> tokenize(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_LENGTH) {
            throw invalid(pattern, "must have 1 to " + MAX_LENGTH + " characters");
        }
        if (!pattern.startsWith("/") && !pattern.startsWith("**")) {
            throw invalid(pattern, "must start with / or **");
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '?' || c == '#' || c == '}') {
                throw invalid(pattern, "must not contain '" + (c <= ' ' || c == 0x7f ? "?" : c) + "' here");
            } else if (c == '\\') {
                if (i + 1 == pattern.length()) {
                    throw invalid(pattern, "must not end with a lone \\");
                }
                tokens.add(new Literal(pattern.charAt(i + 1)));
                i += 2;
            } else if (c == '*') {
                boolean twice = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
                tokens.add(twice ? new DoubleStar() : new Star());
                i += twice ? 2 : 1;
            } else if (c == '{') {
                i = param(pattern, i);
                tokens.add(new Param());
            } else {
                tokens.add(new Literal(c));
                i++;
            }
        }
        return tokens;
    }

    /** Skips a {@code {name}} starting at {@code open}; returns the index after it. */
    private static int param(String pattern, int open) {
        int close = pattern.indexOf('}', open);
        if (close < 0 || close == open + 1) {
            throw invalid(pattern, "has an unclosed or empty {name}");
        }
        for (int k = open + 1; k < close; k++) {
            char n = pattern.charAt(k);
            if (!(Character.isLetterOrDigit(n) && n < 0x80) && n != '_' && n != '-' && n != '.') {
                throw invalid(pattern, "has a {name} with a character other than A-Z a-z 0-9 _ - .");
            }
        }
        return close + 1;
    }

    private static ZholException invalid(String pattern, String why) {
        return ZholException.client(ErrorCode.BAD_REQUEST,
                "The endpoint path '" + Faults.excerpt(pattern) + "' " + why);
    }
}
