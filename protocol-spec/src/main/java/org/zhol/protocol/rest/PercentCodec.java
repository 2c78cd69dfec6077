// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * RFC 3986 percent-coding of single path segments, as PR-REST §4.2 asks for identifier parts.
 * Decoding is strict: every '%' starts two hex digits and the escaped bytes are valid UTF-8.
 */
final class PercentCodec {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Characters of an identifier code that may stay literal in a path segment. */
    private static final String LITERAL_SYMBOLS = "-._~'()+,=";

    private PercentCodec() {
    }

    /** Whether {@code c} may appear literally in a path segment (RFC 3986 pchar less '%'). */
    static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Decodes one segment to text.
     *
     * @throws ZholException {@code BadRequest} for a malformed escape or escaped bytes that are not UTF-8
     */
    static String decode(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    throw badEscape(raw, what);
                }
                pending.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else {
                flush(pending, out, raw, what);
                out.append(c);
                i++;
            }
        }
        flush(pending, out, raw, what);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder out, String raw, String what) {
        if (pending.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending.toByteArray())));
        } catch (CharacterCodingException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "The " + what + " '" + Faults.excerpt(raw) + "' is not percent-encoded UTF-8");
        }
        pending.reset();
    }

    private static ZholException badEscape(String raw, String what) {
        return ZholException.client(ErrorCode.BAD_REQUEST,
                "The " + what + " '" + Faults.excerpt(raw) + "' has a malformed percent escape");
    }

    /**
     * Encodes {@code value} as one path segment: unreserved characters and the identifier symbols
     * {@code ' ( ) + , =} stay literal, everything else (notably {@code ?} and {@code /}) is escaped
     * as UTF-8. The segments {@code .} and {@code ..} are escaped whole, so that no client or server
     * on the way removes them as dot-segments.
     */
    static String encode(String value) {
        boolean dots = value.equals(".") || value.equals("..");
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int v = b & 0xFF;
            boolean literal = !dots && v < 0x80 && (Character.isLetterOrDigit(v) || LITERAL_SYMBOLS.indexOf(v) >= 0);
            if (literal) {
                out.append((char) v);
            } else {
                out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }
}
