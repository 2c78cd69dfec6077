// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.zhol.protocol.error.ZholException;

/**
 * The JSON conventions of the configuration files, on Jackson's tree model: strict reading (no
 * duplicate keys, nothing after the value), required fields, times as RFC 3339 UTC strings,
 * certificates as base64 DER. Unknown fields are ignored so that later versions can add some.
 * Every failure is {@code MalformedGlobalConf}.
 */
final class Json {

    // ObjectReader and ObjectWriter are immutable and thread-safe.
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build().readerFor(JsonNode.class);
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** UTF-8 JSON with two-space indentation and LF line ends, ending with LF. */
    static byte[] write(JsonNode node) {
        try {
            return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode parse(byte[] bytes, int maxLength, String what) {
        if (bytes.length > maxLength) {
            throw GlobalConfFaults.malformed(what + " is longer than " + maxLength + " bytes");
        }
        JsonNode node;
        try {
            node = READER.readTree(bytes);
        } catch (IOException e) {
            throw GlobalConfFaults.malformed(what + " is not well-formed JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw GlobalConfFaults.malformed(what + " is not a JSON object");
        }
        return node;
    }

    static void requireFormatVersion(JsonNode object, int version, String what) {
        if (longValue(object, "formatVersion") != version) {
            throw GlobalConfFaults.malformed(what + " has an unsupported formatVersion");
        }
    }

    static JsonNode field(JsonNode object, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw GlobalConfFaults.malformed("Missing field '" + name + "'");
        }
        return value;
    }

    static String text(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isTextual()) {
            throw GlobalConfFaults.malformed("Field '" + name + "' is not a string");
        }
        return value.textValue();
    }

    static long longValue(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw GlobalConfFaults.malformed("Field '" + name + "' is not an integer");
        }
        return value.longValue();
    }

    static boolean bool(JsonNode object, String name) {
        JsonNode value = field(object, name);
        if (!value.isBoolean()) {
            throw GlobalConfFaults.malformed("Field '" + name + "' is not a boolean");
        }
        return value.booleanValue();
    }

    static Instant instant(JsonNode object, String name) {
        try {
            return Instant.parse(text(object, name));
        } catch (DateTimeParseException e) {
            throw GlobalConfFaults.malformed("Field '" + name + "' is not an RFC 3339 UTC time", e);
        }
    }

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The elements of array field {@code name}, each mapped by {@code element}. */
    static <T> List<T> list(JsonNode object, String name, Function<JsonNode, T> element) {
        JsonNode value = field(object, name);
        if (!value.isArray()) {
            throw GlobalConfFaults.malformed("Field '" + name + "' is not an array");
        }
        List<T> out = new ArrayList<>(value.size());
        value.forEach(item -> out.add(element.apply(item)));
        return out;
    }

    static String textOf(JsonNode node) {
        if (!node.isTextual()) {
            throw GlobalConfFaults.malformed("An array element is not a string");
        }
        return node.textValue();
    }

    static ArrayNode texts(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Parses an identifier or other validated value; its own fault becomes {@code MalformedGlobalConf}. */
    static <T> T parse(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (ZholException | IllegalArgumentException e) {
            throw GlobalConfFaults.malformed("Invalid value: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw GlobalConfFaults.malformed("A certificate is not base64 DER X.509", e);
        }
    }

    static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
