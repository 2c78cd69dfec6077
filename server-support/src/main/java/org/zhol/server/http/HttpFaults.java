// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Renders a fault as the JSON error body that Zhol's HTTP APIs share:
 * {@code {"type": fault code, "message": peer-safe detail, "detail": error id}}. The error id lets an
 * operator find the full cause in the server's own log.
 */
public final class HttpFaults {

    private final ObjectMapper json;

    public HttpFaults(ObjectMapper json) {
        this.json = json;
    }

    /** The HTTP status for a fault: 4xx for the caller's faults, 5xx for this server's. */
    public static int status(ZholException fault) {
        ErrorCode code = fault.code();
        return switch (code) {
            case NOT_FOUND -> 404;
            case INVALID_HTTP_METHOD -> 405;
            case ACCESS_DENIED -> 403;
            case DUPLICATE_HEADER_FIELD, BAD_REQUEST, INVALID_REQUEST -> 400;
            default -> fault.origin() == Origin.CLIENT ? 400 : 500;
        };
    }

    /** The response for {@code fault}, with a fresh error id. */
    public HttpResponse render(ZholException fault, int status) {
        return render(fault, status, UUID.randomUUID().toString());
    }

    /** The response for {@code fault} with a given error id. */
    public HttpResponse render(ZholException fault, int status, String errorId) {
        ObjectNode body = json.createObjectNode();
        body.put("type", fault.faultCode().toString());
        body.put("message", fault.detail());
        body.put("detail", errorId);
        try {
            return HttpResponse.json(status, json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an error body", e);
        }
    }
}
