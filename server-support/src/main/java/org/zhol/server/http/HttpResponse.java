// SPDX-License-Identifier: MIT
package org.zhol.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP response.
 *
 * @param status      the status code
 * @param contentType the Content-Type, or empty for none
 * @param body        the body; not copied
 * @param headers     further headers
 */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON response from already-encoded bytes. */
    public static HttpResponse json(int status, byte[] json) {
        return new HttpResponse(status, "application/json", json, Map.of());
    }

    /** A plain-text response. */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A response with no body. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, "", new byte[0], Map.of());
    }

    /** This response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new HttpResponse(status, contentType, body, all);
    }
}
