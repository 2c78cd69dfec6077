// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.zhol.protocol.transport.TransportJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.json.StrictJson;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestMethod;

/**
 * Turns a {@link MessageHead} into its canonical JSON, the HEAD payload, and back. Canonical: one object,
 * keys in ascending order, compact, UTF-8; headers as an array of {@code [name, value]} pairs in order.
 *
 * <pre>{@code
 * {"headers":[["Accept","application/json"]],"method":"GET","path":"/v1/items/7","protocol":"REST","query":"a=1"}
 * {"headers":[["Content-Type","application/json"]],"protocol":"REST","status":200}
 * }</pre>
 * {@code query} is absent when the request had no '?', and {@code ""} for a bare '?'.
 *
 * <p><b>Limits:</b> {@link TransportLimits#maxHeadBytes()} bytes and {@link TransportLimits#maxHeaders()}
 * header fields; nesting {@link TransportJson#MAX_DEPTH}.
 */
public final class HeadCodec {

    private static final Set<String> REQUEST = Set.of("headers", "method", "path", "protocol");
    private static final Set<String> RESPONSE = Set.of("headers", "protocol", "status");

    private HeadCodec() {
    }

    /** The canonical bytes of {@code head}. */
    public static byte[] encode(MessageHead head) {
        ObjectNode node = StrictJson.object();
        ArrayNode headers = node.putArray("headers");
        for (HttpHeader header : head.headers()) {
            headers.addArray().add(header.name()).add(header.value());
        }
        switch (head) {
            case RequestHead request -> {
                node.put("method", request.method().name());
                node.put("path", request.path());
                node.put("protocol", request.protocol().name());
                request.query().ifPresent(query -> node.put("query", query));
            }
            case ResponseHead response -> {
                node.put("protocol", response.protocol().name());
                node.put("status", response.status());
            }
        }
        return StrictJson.write(node);
    }

    /**
     * Reads a request head.
     *
     * @throws ZholException {@code InvalidMessage} when the bytes are too long, not canonical JSON, or have
     *                       unknown, missing or mistyped fields or too many headers; {@code InvalidHttpMethod}
     *                       for an unknown method; {@code BadRequest} for a bad path, query or header
     */
    public static RequestHead decodeRequest(byte[] bytes, TransportLimits limits) {
        ObjectNode node = JSON.parse(bytes, limits.maxHeadBytes(), "The request head");
        JSON.requireFields(node, REQUEST, Set.of("query"), "The request head");
        RequestHead head = new RequestHead(protocol(node), RestMethod.parse(JSON.text(node, "method")),
                JSON.text(node, "path"), JSON.optionalText(node, "query"), headers(node, limits));
        JSON.requireCanonical(bytes, encode(head), "The request head");
        return head;
    }

    /**
     * Reads a response head.
     *
     * @throws ZholException {@code InvalidMessage} when the bytes are too long, not canonical JSON, have
     *                       unknown, missing or mistyped fields or too many headers, or a status out of range;
     *                       {@code BadRequest} for a bad header
     */
    public static ResponseHead decodeResponse(byte[] bytes, TransportLimits limits) {
        ObjectNode node = JSON.parse(bytes, limits.maxHeadBytes(), "The response head");
        JSON.requireFields(node, RESPONSE, "The response head");
        ResponseHead head = new ResponseHead(protocol(node), JSON.integer(node, "status"), headers(node, limits));
        JSON.requireCanonical(bytes, encode(head), "The response head");
        return head;
    }

    private static MessageProtocol protocol(JsonNode node) {
        String name = JSON.text(node, "protocol");
        for (MessageProtocol protocol : MessageProtocol.values()) {
            if (protocol.name().equals(name)) {
                return protocol;
            }
        }
        throw JSON.invalid("Unknown protocol '" + Faults.excerpt(name) + "'");
    }

    private static List<HttpHeader> headers(JsonNode node, TransportLimits limits) {
        ArrayNode array = JSON.array(node, "headers");
        if (array.size() > limits.maxHeaders()) {
            throw JSON.invalid("The head has more than " + limits.maxHeaders() + " headers");
        }
        List<HttpHeader> headers = new ArrayList<>(array.size());
        for (JsonNode pair : array) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw JSON.invalid("A header is not a [name, value] pair of strings");
            }
            headers.add(new HttpHeader(pair.get(0).textValue(), pair.get(1).textValue()));
        }
        return headers;
    }
}
