// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.Locale;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * One HTTP header field as the REST codecs see it: a name and a value, with no transport types.
 * A message's headers are a {@code List<HttpHeader>} in wire order; a name may repeat.
 *
 * <p><b>Pitfalls:</b> names compare case-insensitively ({@link #is(String)}); the record's own
 * {@code equals} is case-sensitive, because the codec keeps the spelling it received. A value can
 * never hold CR, LF or NUL, so an emitted header cannot split into two.
 */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "Invalid HTTP header name '" + Faults.excerpt(name) + "'");
        }
        if (value == null) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "HTTP header " + name + " has no value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw ZholException.client(ErrorCode.BAD_REQUEST,
                        "HTTP header " + Faults.excerpt(name) + " contains a line break or NUL");
            }
        }
    }

    /** Whether this header has {@code otherName}, ignoring case. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** The name in lower case, the form used to compare names. */
    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code s} is an RFC 9110 token, the syntax of a header name. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
