// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import org.zhol.protocol.error.Faults;

/** A cursor over a Content-Type value: RFC 2045 tokens, quoted strings and separators. */
final class ContentTypeParser {

    private static final String SPECIALS = "()<>@,;:\\\"/[]?=";

    private final String text;
    private int pos;

    ContentTypeParser(String text) {
        this.text = text;
    }

    /** Skips spaces and tabs; whether anything is left. */
    boolean skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos < text.length();
    }

    void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw ContentType.bad("Malformed Content-Type '" + Faults.excerpt(text) + "': expected '" + c + "'");
        }
        pos++;
    }

    String token() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw ContentType.bad("Malformed Content-Type '" + Faults.excerpt(text) + "': expected a token");
        }
        return text.substring(start, pos);
    }

    /** A token or a quoted string, unquoted. */
    String value() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        return token();
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            if (c < 0x20 && c != '\t') {
                throw ContentType.bad("Malformed Content-Type: control character in a quoted string");
            }
            out.append(c);
        }
        throw ContentType.bad("Malformed Content-Type '" + Faults.excerpt(text) + "': unterminated quoted string");
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && SPECIALS.indexOf(c) < 0;
    }
}
