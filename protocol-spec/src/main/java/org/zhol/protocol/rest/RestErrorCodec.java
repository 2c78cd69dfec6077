// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Renders a {@link ZholException} as a REST r1 error response and reads one back (PR-REST §4.6).
 *
 * <p>Rendering: status 400 when the code starts with {@code Client}, 500 when it starts with
 * {@code Server} or {@code Signer}; an unprefixed code gives 400 for {@link Origin#CLIENT} and 500
 * otherwise. {@code X-Road-Error} and {@code type} carry the CamelCase code, {@code message} the
 * exception's peer-safe detail, {@code detail} the caller's error id. The content type is
 * {@value #CONTENT_TYPE}.
 *
 * <p><b>Limits:</b> an error body over {@link RestLimits#maxErrorBodyBytes()}, nested deeper than
 * {@value #MAX_DEPTH}, or with a duplicate key is refused with {@code InvalidResponse}.
 *
 * <p><b>Pitfalls:</b> the caller prefixes the code where it leaves the server
 * ({@link ZholException#withPrefix}) before rendering; the cause is never rendered. X-Road answers an
 * {@code Accept} of XML with an XML body; Zhol always answers JSON.
 */
public final class RestErrorCodec {

    /** The content type of every rendered error, as in PR-REST's examples. */
    public static final String CONTENT_TYPE = "application/json;charset=utf-8";
    /** Limit: JSON nesting accepted in an error body. */
    public static final int MAX_DEPTH = 8;

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private RestErrorCodec() {
    }

    /**
     * The error response for {@code fault}.
     *
     * @param errorId the id under which this server logged the fault, e.g. a UUID
     */
    public static RestErrorResponse render(ZholException fault, String errorId) {
        Objects.requireNonNull(errorId, "errorId");
        String type = fault.faultCode().toString();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type);
        json.put("message", fault.detail());
        json.put("detail", errorId);
        String body;
        try {
            body = WRITER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the error body", e);
        }
        List<HttpHeader> headers = List.of(new HttpHeader("Content-Type", CONTENT_TYPE),
                new HttpHeader(RestHeaderCodec.ERROR, type));
        return new RestErrorResponse(status(fault.faultCode(), fault.origin()), headers, body);
    }

    /** The HTTP status X-Road uses for a fault: 400 for the caller's faults, 500 for the servers'. */
    public static int status(FaultCode code, Origin origin) {
        return code.prefix().map(p -> p == FaultPrefix.CLIENT ? 400 : 500)
                .orElse(origin == Origin.CLIENT ? 400 : 500);
    }

    /**
     * Reads an error response: empty when it has no {@code X-Road-Error} header, which means that the
     * provider's information system produced it and it is not an X-Road error (PR-REST §4.6 example 5).
     *
     * @throws ZholException {@code InvalidResponse} when marked as an X-Road error but the body is not one
     */
    public static Optional<RestError> parse(List<HttpHeader> headers, byte[] body, RestLimits limits) {
        if (headers.stream().noneMatch(h -> h.is(RestHeaderCodec.ERROR))) {
            return Optional.empty();
        }
        return Optional.of(parseBody(body, limits));
    }

    /**
     * Reads an error body.
     *
     * @throws ZholException {@code InvalidResponse} with {@link Origin#CLIENT} (the sender of the body)
     *                       when it is too large, not JSON, not an object, or lacks a string {@code type}
     */
    public static RestError parseBody(byte[] body, RestLimits limits) {
        if (body == null || body.length > limits.maxErrorBodyBytes()) {
            throw invalid("The error body is missing or larger than " + limits.maxErrorBodyBytes() + " bytes");
        }
        JsonNode root;
        try {
            root = reader(limits).readTree(body);
        } catch (IOException e) {
            throw invalid("The error body is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("The error body is not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            throw invalid("The error body has no 'type' string");
        }
        return new RestError(type.asText(), text(root, "message"), text(root, "detail"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw invalid("The error body's '" + field + "' is not a string");
        }
        return node.asText();
    }

    private static ObjectReader reader(RestLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(limits.maxErrorBodyBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_RESPONSE, detail);
    }
}
