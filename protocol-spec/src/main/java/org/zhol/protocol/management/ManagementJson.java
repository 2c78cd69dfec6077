// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The strict JSON conventions of this package, on Jackson's tree model: one UTF-8 object whose first
 * byte is <code>{</code>, no duplicate keys,
 * nothing after it, nesting at most {@link ManagementLimits#MAX_JSON_DEPTH}, exactly the expected
 * fields, strict base64 (RFC 4648 §4, padded, no line breaks). Writing is compact, keys in the order
 * the caller inserts them. Every failure is {@code InvalidRequest}.
 */
final class ManagementJson {

    // ObjectReader and ObjectWriter are immutable and thread-safe.
    private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(ManagementLimits.MAX_JSON_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().readerFor(JsonNode.class);
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

    private ManagementJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static byte[] write(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode parse(byte[] bytes, int maxBytes, String what) {
        if (bytes.length > maxBytes) {
            throw invalid(what + " is longer than " + maxBytes + " bytes");
        }
        if (bytes.length == 0 || bytes[0] != '{') {
            // Also keeps Jackson from guessing UTF-16 or UTF-32, or skipping a byte-order mark.
            throw invalid(what + " does not start with '{'");
        }
        JsonNode node;
        try {
            node = READER.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_REQUEST), Origin.CLIENT,
                    what + " is not well-formed JSON within the nesting limit", e);
        }
        if (node == null || !node.isObject()) {
            throw invalid(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Checks that {@code object} has exactly the fields {@code expected}. */
    static void requireFields(JsonNode object, Set<String> expected, String what) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            actual.add(names.next());
        }
        for (String name : actual) {
            if (!expected.contains(name)) {
                throw invalid(what + " has an unknown field '" + Faults.excerpt(name) + "'");
            }
        }
        for (String name : expected) {
            if (!actual.contains(name)) {
                throw invalid(what + " lacks the field '" + name + "'");
            }
        }
    }

    static JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw invalid("Missing field '" + name + "'");
        }
        return value;
    }

    static String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isTextual()) {
            throw invalid("Field '" + name + "' is not a string");
        }
        return value.textValue();
    }

    static boolean bool(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isBoolean()) {
            throw invalid("Field '" + name + "' is not a boolean");
        }
        return value.booleanValue();
    }

    static int integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid("Field '" + name + "' is not an integer");
        }
        return value.intValue();
    }

    /** Strict base64 of at most {@code maxBytes} decoded bytes. */
    static byte[] base64(String text, int maxBytes, String what) {
        if (text.length() > (maxBytes + 2) / 3 * 4) {
            throw invalid(what + " is longer than " + maxBytes + " bytes");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_REQUEST), Origin.CLIENT,
                    what + " is not base64", e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_REQUEST, detail);
    }
}
