// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The strict line format of the log's small documents: UTF-8, every line ended by one {@code \n}, no
 * {@code \r}, no other control characters. Decoders parse the lines, re-encode the value and require the
 * received bytes, so only canonical documents are accepted.
 */
final class LogText {

    private LogText() {
    }

    /** The lines of {@code bytes}, or {@code MalformedHashChain} naming {@code what}. */
    static List<String> lines(byte[] bytes, int maxBytes, String what) {
        if (bytes.length > maxBytes) {
            throw malformed("The " + what + " is longer than " + maxBytes + " bytes");
        }
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw malformed("The " + what + " does not end with a newline");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The " + what + " is not UTF-8");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
        for (String line : lines) {
            if (line.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw malformed("The " + what + " has a control character in a line");
            }
        }
        return lines;
    }

    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    static byte[] bytes(List<String> lines) {
        return join(lines).getBytes(StandardCharsets.UTF_8);
    }

    static void requireCanonical(byte[] received, byte[] reencoded, String what) {
        if (!Arrays.equals(received, reencoded)) {
            throw malformed("The " + what + " is not in canonical form");
        }
    }

    /** A canonical decimal number from {@code min} to {@code max}. */
    static long number(String text, long min, long max, String what) {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw malformed("The " + what + " is not a canonical decimal number");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw malformed("The " + what + " is out of range");
        }
        return value;
    }

    /** A canonical standard base64 SHA-256 value. */
    static byte[] sha256(String base64, String what) {
        try {
            byte[] value = Base64.getDecoder().decode(base64);
            if (value.length == 32 && Base64.getEncoder().encodeToString(value).equals(base64)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw malformed("The " + what + " is not a base64 SHA-256 value");
    }

    static String base64(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    /**
     * Runs {@code parsing}; an identifier, number or time that it cannot parse becomes
     * {@code MalformedHashChain} naming {@code what}.
     */
    static <T> T parse(String what, java.util.function.Supplier<T> parsing) {
        try {
            return parsing.get();
        } catch (ZholException e) {
            if (e.code() == ErrorCode.MALFORMED_HASH_CHAIN) {
                throw e;
            }
            throw malformed("The " + what + " is malformed: " + e.detail());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw malformed("The " + what + " is malformed: " + org.zhol.protocol.error.Faults.excerpt(String.valueOf(e.getMessage())));
        }
    }

    static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_HASH_CHAIN, detail);
    }
}
