// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The parameters of a raw query string ({@code a=1&b=x%20y}), form-decoded as UTF-8 ({@code +} is a
 * space). Names compare exactly.
 *
 * <p><b>Limits:</b> at most {@link #MAX_PARAMETERS} parameters.
 *
 * @param entries the name-value pairs in order; a name without {@code =} has the value ""
 */
record QueryParameters(List<Map.Entry<String, String>> entries) {

    /** Limit: the most parameters read from one query. */
    static final int MAX_PARAMETERS = 64;

    QueryParameters {
        entries = List.copyOf(entries);
    }

    /**
     * Parses {@code rawQuery}.
     *
     * @throws ZholException {@code BadRequest} for a malformed escape or too many parameters
     */
    static QueryParameters parse(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery.isEmpty()) {
            return new QueryParameters(out);
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (out.size() == MAX_PARAMETERS) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The query has more than " + MAX_PARAMETERS
                        + " parameters");
            }
            int eq = pair.indexOf('=');
            out.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return new QueryParameters(out);
    }

    /** The value of the first parameter named {@code name}. */
    Optional<String> first(String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The value of the first parameter whose name is {@code name} in any letter case (as X-Road reads
     * {@code serviceCode}). */
    Optional<String> firstIgnoringCase(String name) {
        return entries.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The query has a malformed %-escape");
        }
    }
}
