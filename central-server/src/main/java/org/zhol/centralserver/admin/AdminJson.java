// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/** Reads request bodies into records and writes records as responses. */
public final class AdminJson {

    private final ObjectMapper json;

    public AdminJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The request body as a {@code type}.
     *
     * @throws ZholException {@code BadRequest} for a missing body, malformed JSON or an unknown field
     */
    public <T> T read(HttpRequest request, Class<T> type) {
        if (request.body().length == 0) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A JSON body is required");
        }
        try {
            T value = json.readValue(request.body(), type);
            if (value == null) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "A JSON object is required");
            }
            return value;
        } catch (IOException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Invalid JSON body: " + firstLine(e.getMessage()));
        }
    }

    /** 200 with {@code body}. */
    public HttpResponse ok(Object body) {
        return write(200, body);
    }

    /** 201 with {@code body}. */
    public HttpResponse created(Object body) {
        return write(201, body);
    }

    /** 204 without a body. */
    public HttpResponse noContent() {
        return HttpResponse.empty(204);
    }

    private HttpResponse write(int status, Object body) {
        try {
            return HttpResponse.json(status, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot encode the response", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
