// SPDX-License-Identifier: MIT
package org.zhol.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * The strict JSON conventions shared by the canonical formats of the protocol, on Jackson's tree model:
 * one UTF-8 object whose first byte is <code>{</code>, no duplicate keys, nothing after it, nesting at
 * most {@link #maxDepth()}, exactly the expected fields, strict base64 (RFC 4648 §4, padded, no line
 * breaks). Writing is compact, keys in the order the caller inserts them (canonical formats insert them
 * in ascending order). Every failure is a {@link ZholException} with this instance's code and
 * {@link Origin#CLIENT} (the sender of the bytes).
 *
 * <p>A canonical format checks its input by decoding it, re-encoding the value and comparing the bytes
 * ({@link #requireCanonical}); so it accepts exactly one byte form per value.
 *
 * <p><b>Limits:</b> the caller's byte limit per document, and {@link #maxDepth()}.
 *
 * <p><b>Pitfalls:</b> Jackson writes BMP characters from U+0020 as themselves in UTF-8 and escapes
 * {@code "}, {@code \}, the control characters below U+0020 ({@code \b \t \n \f \r} in their short forms,
 * others as {@code \}{@code u00XX}) and characters beyond U+FFFF (as an escaped surrogate pair), hex in
 * upper case; that is part of every canonical form built on this class. Immutable and thread-safe.
 *
 */
public final class StrictJson {

    // ObjectReader and ObjectWriter are immutable and thread-safe.
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

    private final ErrorCode code;
    private final int maxDepth;
    private final ObjectReader reader;

    /**
     * @param code     the code of every failure, e.g. {@code InvalidRequest} or {@code InvalidMessage}
     * @param maxDepth the deepest nesting accepted (an object holding an array is depth 2), 1 to 64
     */
    public StrictJson(ErrorCode code, int maxDepth) {
        this.code = Objects.requireNonNull(code, "code");
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("maxDepth must be 1-64");
        }
        this.maxDepth = maxDepth;
        this.reader = JsonMapper.builder(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build().readerFor(JsonNode.class);
    }

    /** The code of every failure. */
    public ErrorCode code() {
        return code;
    }

    /** The deepest nesting accepted. */
    public int maxDepth() {
        return maxDepth;
    }

    /** A new, empty object node, to fill in canonical key order. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new, empty array node. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The compact UTF-8 bytes of {@code node}. */
    public static byte[] write(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Standard base64 with padding. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Reads one JSON object of at most {@code maxBytes} bytes.
     *
     * @param what names the document in fault details, e.g. "The request"
     */
    public ObjectNode parse(byte[] bytes, int maxBytes, String what) {
        if (bytes.length > maxBytes) {
            throw invalid(what + " is longer than " + maxBytes + " bytes");
        }
        if (bytes.length == 0 || bytes[0] != '{') {
            // Also keeps Jackson from guessing UTF-16 or UTF-32, or skipping a byte-order mark.
            throw invalid(what + " does not start with '{'");
        }
        JsonNode node;
        try {
            node = reader.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw new ZholException(FaultCode.of(code), Origin.CLIENT,
                    what + " is not well-formed JSON within the nesting limit", e);
        }
        if (node == null || !node.isObject()) {
            throw invalid(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Checks that {@code object} has exactly the fields {@code expected}. */
    public void requireFields(JsonNode object, Set<String> expected, String what) {
        requireFields(object, expected, Set.of(), what);
    }

    /** Checks that {@code object} has all fields {@code required}, perhaps some of {@code optional}, and no other. */
    public void requireFields(JsonNode object, Set<String> required, Set<String> optional, String what) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            actual.add(names.next());
        }
        for (String name : actual) {
            if (!required.contains(name) && !optional.contains(name)) {
                throw invalid(what + " has an unknown field '" + Faults.excerpt(name) + "'");
            }
        }
        for (String name : new TreeSet<>(required)) {
            if (!actual.contains(name)) {
                throw invalid(what + " lacks the field '" + name + "'");
            }
        }
    }

    /** The value of field {@code name}, which must be present. */
    public JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw invalid("Missing field '" + name + "'");
        }
        return value;
    }

    /** A string field. */
    public String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isTextual()) {
            throw invalid("Field '" + name + "' is not a string");
        }
        return value.textValue();
    }

    /** An optional string field: empty when absent (null is not accepted). */
    public Optional<String> optionalText(JsonNode object, String name) {
        return object.has(name) ? Optional.of(text(object, name)) : Optional.empty();
    }

    /** A boolean field. */
    public boolean bool(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isBoolean()) {
            throw invalid("Field '" + name + "' is not a boolean");
        }
        return value.booleanValue();
    }

    /** An integer field within the range of {@code int}. */
    public int integer(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid("Field '" + name + "' is not an integer");
        }
        return value.intValue();
    }

    /** An array field. */
    public ArrayNode array(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isArray()) {
            throw invalid("Field '" + name + "' is not an array");
        }
        return (ArrayNode) value;
    }

    /** An object field. */
    public ObjectNode object(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isObject()) {
            throw invalid("Field '" + name + "' is not an object");
        }
        return (ObjectNode) value;
    }

    /** Strict base64 of at most {@code maxBytes} decoded bytes. */
    public byte[] base64(String text, int maxBytes, String what) {
        if (text.length() > (maxBytes + 2L) / 3 * 4) {
            throw invalid(what + " is longer than " + maxBytes + " bytes");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ZholException(FaultCode.of(code), Origin.CLIENT, what + " is not base64", e);
        }
    }

    /** Accepts {@code received} only when it is byte for byte the canonical {@code reencoded}. */
    public void requireCanonical(byte[] received, byte[] reencoded, String what) {
        if (!Arrays.equals(received, reencoded)) {
            throw invalid(what + " is not in canonical form");
        }
    }

    /** A fault with this instance's code. */
    public ZholException invalid(String detail) {
        return ZholException.client(code, detail);
    }

    @Override
    public String toString() {
        return "StrictJson[" + code.camel() + ", depth " + maxDepth + "]";
    }
}
