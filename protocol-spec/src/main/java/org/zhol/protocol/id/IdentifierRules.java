// SPDX-License-Identifier: MIT
package org.zhol.protocol.id;

import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * The character rules of X-Road identifier codes (PR-MESS §2.7, PR-REST §4.8): each code is
 * non-empty and uses only {@code A-Z a-z 0-9} and the symbols {@code ' ( ) + , - . = ?}.
 *
 * <p><b>Limits:</b> a code is at most {@link #MAX_CODE_LENGTH} characters, a path form at most
 * {@link #MAX_PATH_LENGTH}.
 *
 * <p><b>Pitfalls:</b> {@code ?} is allowed in a code, so it must be percent-encoded in a URL path;
 * {@code /} and {@code :} are not allowed, which is what makes the path form unambiguous.
 */
public final class IdentifierRules {

    /** Limit: the longest code, as X-Road's databases store them. */
    public static final int MAX_CODE_LENGTH = 255;
    /** Limit: the longest path form parsed (six codes and separators). */
    public static final int MAX_PATH_LENGTH = 6 * (MAX_CODE_LENGTH + 1);

    private static final String SYMBOLS = "'()+,-.=?";

    private IdentifierRules() {
    }

    /** Whether {@code c} may appear in an identifier code. */
    public static boolean isAllowed(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || SYMBOLS.indexOf(c) >= 0;
    }

    /**
     * Returns {@code value} if it is a valid code.
     *
     * @param field the name of the field, for the fault detail (e.g. "memberCode")
     * @throws ZholException {@link ErrorCode#BAD_REQUEST} when empty, too long or with a character
     *                       outside the allowed set; callers re-code it where the context has a
     *                       more specific X-Road code
     */
    public static String code(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Identifier field " + field + " is missing or empty");
        }
        if (value.length() > MAX_CODE_LENGTH) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "Identifier field " + field + " is longer than " + MAX_CODE_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isAllowed(value.charAt(i))) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "Identifier field " + field
                        + " contains a character that is not allowed: '" + Faults.excerpt(value) + "'");
            }
        }
        return value;
    }

    /**
     * Splits a path form into exactly {@code min} to {@code max} codes.
     *
     * @throws ZholException {@link ErrorCode#BAD_REQUEST} for a wrong number of parts
     */
    static List<String> split(String path, int min, int max, String what) {
        if (path == null || path.length() > MAX_PATH_LENGTH) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Invalid " + what + " identifier");
        }
        List<String> parts = List.of(path.split("/", -1));
        if (parts.size() < min || parts.size() > max) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Invalid " + what + " identifier '"
                    + Faults.excerpt(path) + "': expected " + (min == max ? min : min + " to " + max)
                    + " parts separated by '/'");
        }
        return parts;
    }
}
