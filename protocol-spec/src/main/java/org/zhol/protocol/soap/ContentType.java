// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;

/**
 * A parsed {@code Content-Type} value (RFC 2045): a lower-case media type and its parameters, names
 * lower-cased, values unquoted. Parsing is strict about structure and lenient about spacing.
 *
 * <p><b>Limits:</b> {@link #MAX_LENGTH} characters, {@link #MAX_PARAMETERS} parameters, boundaries of 1
 * to {@link #MAX_BOUNDARY} characters. Every failure is {@code InvalidContentType}, as in X-Road.
 *
 * @param mediaType  e.g. {@code multipart/related}
 * @param parameters e.g. {@code boundary}, {@code type}, {@code start}, {@code charset}
 */
public record ContentType(String mediaType, Map<String, String> parameters) {

    /** Limit: the longest Content-Type value parsed. */
    public static final int MAX_LENGTH = 4096;
    /** Limit: the most parameters. */
    public static final int MAX_PARAMETERS = 32;
    /** Limit: the longest boundary (RFC 2046 allows 70; some senders use more). */
    public static final int MAX_BOUNDARY = 200;

    public ContentType {
        Objects.requireNonNull(mediaType, "mediaType");
        parameters = Map.copyOf(parameters);
    }

    /** Parses a header value. */
    public static ContentType parse(String value) {
        if (value == null || value.isBlank()) {
            throw bad("Content-Type is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw bad("Content-Type is longer than " + MAX_LENGTH + " characters");
        }
        ContentTypeParser p = new ContentTypeParser(value);
        String type = p.token().toLowerCase(Locale.ROOT);
        p.expect('/');
        String subtype = p.token().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        while (p.skipSpaces()) {
            p.expect(';');
            if (!p.skipSpaces()) {
                break;
            }
            String name = p.token().toLowerCase(Locale.ROOT);
            p.expect('=');
            String paramValue = p.value();
            if (params.put(name, paramValue) != null) {
                throw bad("Content-Type parameter '" + Faults.excerpt(name) + "' appears twice");
            }
            if (params.size() > MAX_PARAMETERS) {
                throw bad("Content-Type has more than " + MAX_PARAMETERS + " parameters");
            }
        }
        return new ContentType(type + "/" + subtype, params);
    }

    /** A parameter by its lower-case name. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The charset parameter, if it names a charset this JVM knows; otherwise {@code InvalidContentType}. */
    public Optional<Charset> charset() {
        Optional<String> name = parameter("charset");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.get()));
        } catch (IllegalArgumentException e) {
            throw bad("Unknown charset '" + Faults.excerpt(name.get()) + "'");
        }
    }

    /** The multipart boundary, checked for length and characters. */
    public String boundary() {
        String b = parameter("boundary").orElseThrow(() -> bad("Multipart Content-Type lacks a boundary"));
        if (b.isEmpty() || b.length() > MAX_BOUNDARY) {
            throw bad("Multipart boundary must have 1 to " + MAX_BOUNDARY + " characters");
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw bad("Multipart boundary contains a character that is not printable ASCII");
            }
        }
        return b;
    }

    static ZholException bad(String detail) {
        return ZholException.client(ErrorCode.INVALID_CONTENT_TYPE, detail);
    }
}
