// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MIME headers of one multipart part, in order and as sent (names keep their case). They are
 * passed through unchanged, as PR-MESS §2.4 requires.
 *
 * @param entries the headers, name to unfolded value
 */
public record MimeHeaders(List<Map.Entry<String, String>> entries) {

    public MimeHeaders {
        entries = List.copyOf(entries);
    }

    /** The first value of {@code name}, compared without case. */
    public Optional<String> first(String name) {
        return entries.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
